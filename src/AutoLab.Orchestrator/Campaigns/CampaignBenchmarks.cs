namespace AutoLab.Orchestrator.Campaigns;

/// <summary>The campaign benchmarks <c>autolab bench campaigns</c> runs, in order.</summary>
/// <remarks>Add a mission campaign's benchmark with one line here.</remarks>
public static class CampaignBenchmarks
{
    /// <summary>Every registered benchmark.</summary>
    public static IReadOnlyList<ICampaignBenchmark> All { get; } =
    [
        new DynamicApertureBenchmark(),
        DynamicApertureBenchmark.WithLifetime(),
        new SaxsMapBenchmark(),
        new AdaptiveXrdBenchmark(),
        new PhaseMapBenchmark(),
        new PhaseMapBenchmark(hull: true),
        new TargetPhaseBenchmark(),
    ];
}
