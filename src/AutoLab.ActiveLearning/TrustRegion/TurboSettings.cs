using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.Strategies;

namespace AutoLab.ActiveLearning.TrustRegion;

/// <summary>The options of the "turbo" strategy, read and range-checked.</summary>
/// <remarks>
/// Defaults follow TuRBO-1 (Eriksson et al., NeurIPS 2019): side lengths in unit-cube units, initial 0.8,
/// minimum 0.5^7, maximum 1.6; success tolerance 3 and failure tolerance ⌈max(4, d / batch)⌉.
/// <seealso cref="TurboStrategy"/>
/// </remarks>
public sealed record TurboSettings
{
    /// <summary>Option names the strategy accepts.</summary>
    public static readonly IReadOnlyList<string> OptionNames =
        ["initial_points", "batch_size", "length_init", "length_min", "length_max", "success_tolerance", "failure_tolerance", "candidates", "max_fit_points", "restarts", "objective", StrategyOptions.MaxDrawsOption];

    /// <summary>Most candidates scored by one joint Thompson draw (an m × m Cholesky).</summary>
    public const int MaxCandidates = 1000;

    /// <summary>Sobol design size at the start and after each restart.</summary>
    public required int InitialPoints { get; init; }

    /// <summary>Observations that form one batch when the history is replayed.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Side length after the design and after each restart.</summary>
    public required double LengthInit { get; init; }

    /// <summary>A side length below this triggers a restart.</summary>
    public required double LengthMin { get; init; }

    /// <summary>Largest side length.</summary>
    public required double LengthMax { get; init; }

    /// <summary>Consecutive improving batches that double the side.</summary>
    public required int SuccessTolerance { get; init; }

    /// <summary>Consecutive non-improving batches that halve the side.</summary>
    public required int FailureTolerance { get; init; }

    /// <summary>Candidates in the perturbation set.</summary>
    public required int Candidates { get; init; }

    /// <summary>Most observations (nearest the centre) the local GP is fitted to.</summary>
    public required int MaxFitPoints { get; init; }

    /// <summary>Random restarts of the GP hyperparameter fit.</summary>
    public required int Restarts { get; init; }

    /// <summary>The objective option, or null for the campaign's only objective.</summary>
    public string? Objective { get; init; }

    /// <summary>Black-box constraints on measured values (<c>at_most.NAME</c>, <c>at_least.NAME</c>), handled as in SCBO; empty for plain TuRBO-1.</summary>
    public IReadOnlyList<OutcomeConstraint> OutcomeConstraints { get; init; } = [];

    /// <summary>Consecutive constraint rejections before the request fails.</summary>
    public int MaxDraws { get; init; } = Space.FeasibleSampling.DefaultMaxDraws;

    /// <summary>Reads the options of a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="strategy">Strategy name, for messages.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="SuggestionException">An option is unknown or out of range.</exception>
    public static TurboSettings Read(SuggestionRequest request, string strategy)
    {
        StrategyOptions options = request.Options;
        options.RequireKnown(strategy, [.. OptionNames, .. options.Names.Where(OutcomeConstraint.IsConstraintOption)]);
        int d = request.Space.Dimension;
        int batch = options.GetInt32("batch_size", 1, 1, 10_000);
        double lengthMin = options.GetDouble("length_min", Math.Pow(0.5, 7.0), 1e-12, 1.0);
        double lengthMax = options.GetDouble("length_max", 1.6, lengthMin, 2.0);
        return new TurboSettings
        {
            InitialPoints = options.GetInt32("initial_points", 2 * (d + 1), 2),
            BatchSize = batch,
            LengthMin = lengthMin,
            LengthMax = lengthMax,
            LengthInit = options.GetDouble("length_init", Math.Min(0.8, lengthMax), lengthMin, lengthMax),
            SuccessTolerance = options.GetInt32("success_tolerance", 3, 1),
            FailureTolerance = options.GetInt32("failure_tolerance", (int)Math.Ceiling(Math.Max(4.0, (double)d / batch)), 1),
            Candidates = options.GetInt32("candidates", Math.Min(100 * d, MaxCandidates), 1, MaxCandidates),
            MaxFitPoints = options.GetInt32("max_fit_points", 200, 2, 5000),
            Restarts = options.GetInt32("restarts", 1, 0, 100),
            Objective = options.Contains("objective") ? options.GetChoice("objective", "", [.. request.Objectives.Select(o => o.Name)]) : null,
            MaxDraws = options.GetMaxDraws(),
            OutcomeConstraints = OutcomeConstraint.FromOptions(options),
        };
    }
}
