namespace AutoLab.Orchestrator.Campaigns;

/// <summary>The figure of merit of one campaign benchmark run on one seed, with its baselines and target.</summary>
/// <remarks>
/// Values may be <see cref="double.PositiveInfinity"/> when the campaign never reached what the figure
/// measures within its budget (e.g. a baseline's final quality); the median over seeds then stays honest
/// instead of silently dropping the run.
/// </remarks>
public sealed record CampaignFigure
{
    /// <summary>The benchmark's name (<see cref="ICampaignBenchmark.Name"/>).</summary>
    public required string Name { get; init; }

    /// <summary>The seed of this run.</summary>
    public required int Seed { get; init; }

    /// <summary>What the value measures, in words with its unit, e.g. "evaluations to reach NSGA-II's final hypervolume / NSGA-II's evaluations".</summary>
    public required string Metric { get; init; }

    /// <summary>The figure of merit.</summary>
    public required double Value { get; init; }

    /// <summary>The target the issue sets for the value.</summary>
    public required double Target { get; init; }

    /// <summary>Whether the value must be at most or at least the target.</summary>
    public required TargetComparison Comparison { get; init; }

    /// <summary>Whether this run meets the target.</summary>
    public bool Met => IsMet(Value, Target, Comparison);

    /// <summary>Baseline and companion figures measured in the same run, by name (e.g. each strategy's final hypervolume).</summary>
    public IReadOnlyDictionary<string, double> Baselines { get; init; } = new Dictionary<string, double>();

    /// <summary>Curves measured in the same run, by name (e.g. hypervolume after each generation), all of one length per name across seeds.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Series { get; init; } = new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>How the figure was measured: the engine or direct ask-tell, budgets, fidelity, what is simplified.</summary>
    public string Method { get; init; } = "";

    /// <summary>Whether <paramref name="value"/> meets <paramref name="target"/>; NaN never does.</summary>
    /// <param name="value">The figure.</param>
    /// <param name="target">The target.</param>
    /// <param name="comparison">The direction.</param>
    /// <returns>True when met.</returns>
    public static bool IsMet(double value, double target, TargetComparison comparison) =>
        comparison == TargetComparison.AtMost ? value <= target : value >= target;
}
