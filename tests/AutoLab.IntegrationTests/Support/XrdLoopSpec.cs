namespace AutoLab.IntegrationTests.Support;

/// <summary>The shortening the Fe–Ni–Al loop examples (phase mapping, target phase) get in their integration tests.</summary>
internal static class XrdLoopSpec
{
    /// <summary>
    /// examples/<paramref name="example"/>.yaml with <paramref name="budget"/> samples, the registry model never trained by
    /// the run (the tests hand it <see cref="TrainedPhaseIdentifier"/>), and faults at 0.05 on both instruments.
    /// </summary>
    /// <remarks>
    /// Faults are drawn per command from the seed and the experiment's id (new each run): at 0.05 on both instruments a run
    /// without any fault is improbable, and the looser fault policy keeps an unlucky run alive.
    /// </remarks>
    /// <param name="example">The example's name without extension.</param>
    /// <param name="budget">Samples.</param>
    /// <returns>The spec text.</returns>
    public static string Shortened(string example, int budget)
    {
        string spec = File.ReadAllText(RepositoryPaths.Of("examples", example + ".yaml"));
        spec = CampaignChecks.Replace(spec, @"(?m)^budget:\s*\d+", $"budget: {budget}");
        spec = CampaignChecks.Replace(spec, @"train:\s*full", "train: never");
        spec = CampaignChecks.Replace(spec, @"fault_rate:\s*""[\d.]+""", "fault_rate: \"0.05\"");
        return CampaignChecks.Replace(spec, @"max_fault_fraction:\s*[\d.]+", "max_fault_fraction: 0.6");
    }
}
