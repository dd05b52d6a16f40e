namespace AutoLab.IntegrationTests.Support;

/// <summary>The shortening the Fe–Ni–Al loop examples (phase mapping, target phase) get in their integration tests.</summary>
internal static class XrdLoopSpec
{
    /// <summary>
    /// examples/<paramref name="example"/>.yaml with <paramref name="budget"/> samples, the registry model never trained by
    /// the run (the tests hand it <see cref="TrainedPhaseIdentifier"/>), refusals at 0.05 on the synthesis robot and
    /// garbage readouts at 0.25 on the diffractometer.
    /// </summary>
    /// <remarks>
    /// Faults are drawn per command from the seed and the experiment's id (new each run), so their number varies from
    /// run to run. With 0.05 on both instruments a 24-sample run had no fault at all about one time in twelve
    /// (0.95^48), which failed the "faults were injected" check in CI; 0.15 on both made that rare but faulted a
    /// quarter of the experiments outright (a refused sample is not retried), too few left for the strategy. A garbage
    /// readout is retried, so the diffractometer's faults can be frequent without costing samples: at 0.25 a run of 24
    /// has none about one time in three thousand (0.75^24 · 0.95^24), and a scan is lost only when all three attempts
    /// are garbage (0.25^3, under 2 %). The looser fault policy keeps an unlucky run alive.
    /// </remarks>
    /// <param name="example">The example's name without extension.</param>
    /// <param name="budget">Samples.</param>
    /// <returns>The spec text.</returns>
    public static string Shortened(string example, int budget)
    {
        string spec = File.ReadAllText(RepositoryPaths.Of("examples", example + ".yaml"));
        spec = CampaignChecks.Replace(spec, @"(?m)^budget:\s*\d+", $"budget: {budget}");
        spec = CampaignChecks.Replace(spec, @"train:\s*full", "train: never");
        spec = CampaignChecks.Replace(spec, @"fault_rate:\s*""[\d.]+"",\s*fault_modes:\s*""refusal""", "fault_rate: \"0.05\", fault_modes: \"refusal\"");
        spec = CampaignChecks.Replace(spec, @"fault_rate:\s*""[\d.]+"",\s*fault_modes:\s*""garbage,refusal""", "fault_rate: \"0.25\", fault_modes: \"garbage\"");
        return CampaignChecks.Replace(spec, @"max_fault_fraction:\s*[\d.]+", "max_fault_fraction: 0.6");
    }
}
