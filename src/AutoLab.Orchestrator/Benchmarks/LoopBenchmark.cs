using System.Diagnostics;
using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Cli;
using AutoLab.Orchestrator.Hosting;
using AutoLab.Orchestrator.RunFolders;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>
/// Experiments per second through the whole loop (suggest → start → measure → analyze → journal)
/// with an instant instrument, on a real run folder and journal.
/// </summary>
public static class LoopBenchmark
{
    /// <summary>A campaign on the instant test-function instrument with random suggestions.</summary>
    public static CampaignPlan Plan(int budget, int batchSize) => new()
    {
        Name = "bench-loop",
        Space =
        [
            new ParameterDefinition { Name = "x1", Kind = ParameterKind.Continuous, Lower = -5, Upper = 5 },
            new ParameterDefinition { Name = "x2", Kind = ParameterKind.Continuous, Lower = -5, Upper = 5 },
        ],
        Objectives = [new ObjectiveDefinition { Name = "y", Direction = ObjectiveDirection.Minimize }],
        Steps =
        [
            new StepPlan { Step = ExperimentStep.Measure, Instrument = "test-functions", TimeoutSeconds = 60, Options = new Dictionary<string, string> { ["function"] = "sphere" } },
            new StepPlan { Step = ExperimentStep.Analyze, Instrument = "analysis", TimeoutSeconds = 60 },
        ],
        Analysis = [new AnalysisStage { Model = "readings" }],
        Strategy = new StrategyPlan { Name = "random" },
        Budget = budget,
        BatchSize = batchSize,
        Seed = 1,
    };

    /// <summary>Runs one campaign in a fresh temporary run folder; returns experiments per second and the outcome.</summary>
    public static async Task<(double PerSecond, CampaignEnded Ended)> RunOnceAsync(BusOptions bus, int budget, int batchSize, CancellationToken ct)
    {
        string root = Path.Combine(Path.GetTempPath(), $"autolab-bench-{Guid.NewGuid():N}");
        try
        {
            RunFolder folder = RunFolder.Create(root);
            var start = new StartCampaign
            {
                CampaignId = Guid.NewGuid(),
                IdempotencyKey = Guid.NewGuid().ToString("N"),
                Timestamp = DateTimeOffset.UtcNow,
                Plan = Plan(budget, batchSize),
                DataDirectory = folder.DataDirectory,
            };
            var session = new CampaignSession(folder, bus, spec: null, schedule: null, quiet: true);
            var watch = new Stopwatch();
            CampaignEnded ended = await session.RunToEndAsync(start, start.CampaignId, 0, ct, watch);
            double seconds = watch.Elapsed.TotalSeconds;
            return ((ended.Completed + ended.Faulted) / seconds, ended);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // a temp folder left behind is harmless
            }
        }
    }
}
