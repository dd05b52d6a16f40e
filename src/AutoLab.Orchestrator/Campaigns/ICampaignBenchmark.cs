namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// One mission campaign measured against its baselines: <c>autolab bench campaigns</c> runs every
/// registered benchmark over several seeds and reports the median of its figure of merit.
/// </summary>
/// <remarks>
/// Each benchmark runs its campaign and the baselines it is compared with on the same seed and the same
/// budget, so one <see cref="Run"/> gives one comparable <see cref="CampaignFigure"/>; the command takes
/// medians over seeds (<see cref="CampaignFigureSummary.Of"/>). Benchmarks are listed in
/// <see cref="CampaignBenchmarks.All"/>. <seealso cref="DynamicApertureBenchmark"/>
/// </remarks>
public interface ICampaignBenchmark
{
    /// <summary>Short name used as the JSON key and on the command line, e.g. "dynamic_aperture".</summary>
    string Name { get; }

    /// <summary>Runs the campaign and its baselines once.</summary>
    /// <param name="seed">The seed of every random choice in this run (strategies, simulators).</param>
    /// <param name="quick">A shortened run (smaller budget) for integration tests and quick checks.</param>
    /// <returns>The figure of merit of this seed, with its baselines and target.</returns>
    CampaignFigure Run(int seed, bool quick);
}
