using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Strategies;

namespace AutoLab.ActiveLearning.Kriging;

/// <summary>What the <c>phase-map</c> strategy does, read from its options.</summary>
/// <remarks>
/// Options: <c>outputs</c> (prefix of the objectives that make up the map, default <c>presence_</c>: the
/// phase-id stage's presence probabilities; <c>*</c> takes every objective), <c>level</c> (presence level,
/// default 0.5), <c>acquisition</c> (<c>straddle</c>, default: Σ max(0, β σ − |μ − level|); or
/// <c>misclassification</c>: Σ Φ(−|μ − level| / σ)), <c>beta</c> (the straddle's band, default 1.96), <c>initial_points</c> (Sobol design before the first model, default 4(d + 1)),
/// <c>raw_samples</c> (candidates scored per pick, default 4096), <c>kernel</c> (matern52 or rbf),
/// <c>restarts</c>, <c>max_fit_points</c> and <c>max_draws</c> as for <c>kriging</c>.
/// </remarks>
public sealed record PhaseMapSettings
{
    /// <summary>The option names the strategy knows.</summary>
    public static IReadOnlyList<string> OptionNames { get; } =
        ["outputs", "level", "acquisition", "beta", "initial_points", "raw_samples", "kernel", "restarts", "max_fit_points", StrategyOptions.MaxDrawsOption];

    /// <summary>Default of <c>outputs</c>: the presence probabilities of the phase-id stage.</summary>
    public const string DefaultOutputs = "presence_";

    /// <summary>The objectives mapped, in campaign order.</summary>
    public required IReadOnlyList<string> Outputs { get; init; }

    /// <summary>The presence level.</summary>
    public required double Level { get; init; }

    /// <summary>The acquisition: "straddle" (default) or "misclassification".</summary>
    public required string Acquisition { get; init; }

    /// <summary>Confidence-band width of the straddle, in standard deviations.</summary>
    public required double Beta { get; init; }

    /// <summary>Points of the Sobol design before the first model.</summary>
    public required int InitialPoints { get; init; }

    /// <summary>Candidates scored per pick.</summary>
    public required int RawSamples { get; init; }

    /// <summary>The GP settings of every output.</summary>
    public required GaussianProcessOptions Process { get; init; }

    /// <summary>Consecutive infeasible candidates allowed while drawing the design.</summary>
    public required int MaxDraws { get; init; }

    /// <summary>Reads and checks the options of a request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="SuggestionException">An unknown or malformed option, or no objective matches <c>outputs</c>.</exception>
    public static PhaseMapSettings Read(SuggestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        StrategyOptions options = request.Options;
        options.RequireKnown(PhaseMapStrategy.StrategyName, OptionNames);
        string prefix = options.GetString("outputs", DefaultOutputs);
        List<string> outputs = [.. request.Objectives
            .Select(o => o.Name)
            .Where(name => prefix == "*" || name.StartsWith(prefix, StringComparison.Ordinal))];
        if (outputs.Count == 0)
        {
            throw new SuggestionException(
                $"strategy '{PhaseMapStrategy.StrategyName}': no objective starts with '{prefix}' (option outputs); objectives: {string.Join(", ", request.Objectives.Select(o => o.Name))}");
        }

        if (outputs.Count > PhaseMapModel.MaxOutputs)
        {
            throw new SuggestionException($"strategy '{PhaseMapStrategy.StrategyName}': {outputs.Count} objectives match '{prefix}'; at most {PhaseMapModel.MaxOutputs} can be mapped");
        }

        int d = request.Space.Dimension;
        KernelKind kernel = options.GetChoice("kernel", "matern52", "matern52", "rbf") == "rbf" ? KernelKind.Rbf : KernelKind.Matern52;
        return new PhaseMapSettings
        {
            Outputs = outputs,
            Level = options.GetDouble("level", 0.5, double.MinValue, double.MaxValue),
            Acquisition = options.GetChoice("acquisition", "straddle", "straddle", "misclassification"),
            Beta = options.GetDouble("beta", 1.96, 0.0),
            InitialPoints = options.GetInt32("initial_points", 4 * (d + 1), 2),
            RawSamples = options.GetInt32("raw_samples", 4096, 1, 1 << 20),
            Process = new GaussianProcessOptions
            {
                Kernel = kernel,
                Restarts = options.GetInt32("restarts", 2, 0, 100),
                LengthScalePrior = GammaPrior.BoTorchDefault,
                SignalVariancePrior = GammaPrior.BoTorchSignalVariance,
                MaxFitPoints = options.GetInt32("max_fit_points", 500, 2),
            },
            MaxDraws = options.GetMaxDraws(),
        };
    }
}
