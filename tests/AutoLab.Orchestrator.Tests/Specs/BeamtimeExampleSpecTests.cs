using System.Globalization;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Cli;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary><c>examples/beamtime-dry-run.yaml</c> (loaded with the CLI's catalog, which hosts the SAXS camera) says what its header promises: an 8-hour beam-time window that its budget overfills, on the virtual clock.</summary>
public sealed class BeamtimeExampleSpecTests
{
    [Fact]
    public void The_beamtime_example_fills_its_8_hour_window_before_its_budget_is_spent()
    {
        SpecLoadResult result = LocalSetup.LoadSpec(RepositoryFiles.PathOf("examples/beamtime-dry-run.yaml"));

        CampaignPlan plan = SpecAssert.Valid(result);
        Assert.Equal(TimeSpan.FromHours(8), result.Schedule?.BeamTime);
        IReadOnlyDictionary<string, string> options = plan.Steps.Single(s => s.Step == ExperimentStep.Measure).Options;
        Assert.Equal("virtual", options["clock"]);
        double perSpot = double.Parse(options["latency_s"], CultureInfo.InvariantCulture) + double.Parse(options["count_time_s"], CultureInfo.InvariantCulture);
        // The header's arithmetic: 2 minutes a spot, 240 spots in the window, and a budget that does not fit.
        Assert.Equal(120, perSpot);
        Assert.Equal(240, (int)(TimeSpan.FromHours(8).TotalSeconds / perSpot));
        Assert.True(plan.Budget * perSpot > TimeSpan.FromHours(8).TotalSeconds, "the budget must overfill one window so the example shows the halt and the resume");
    }
}
