using System.Globalization;
using AutoLab.IntegrationTests.Support;

namespace AutoLab.IntegrationTests;

/// <summary>
/// The spec's Quartz schedule: a start time, a beamtime window whose end halts the campaign
/// gracefully (experiments in flight finish, nothing new starts; resumable), and periodic calibrations.
/// </summary>
public sealed class CampaignScheduleTests
{
    [Fact]
    public async Task A_campaign_with_a_start_time_starts_no_experiment_before_it()
    {
        DateTimeOffset startAt = DateTimeOffset.UtcNow.AddSeconds(3);
        string spec = SpecFiles.Write("start-at", SpecFiles.Branin("start-at", budget: 8, batch: 2,
            extra: $"schedule: {{start_at: {startAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}}}"));
        RunFolderFiles run = RunFolderFiles.NewTemp("start-at");

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(["run", spec, "--out", run.Root]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("campaign starts at", result.Output, StringComparison.Ordinal);
        DateTimeOffset wholeSecond = startAt.AddTicks(-(startAt.Ticks % TimeSpan.TicksPerSecond));
        DateTimeOffset firstStart = run.Journal().Where(e => e.Kind == "ExperimentStarted")
            .Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement.GetProperty("timestamp").GetDateTimeOffset())
            .Min();
        Assert.True(firstStart >= wholeSecond, $"first experiment started at {firstStart:O}, before the start time {wholeSecond:O}");
        Assert.Equal(8, run.Observations().Rows.Count);
    }

    [Fact]
    public async Task The_window_end_halts_the_campaign_and_resume_completes_it()
    {
        // The window must end after the CLI has started (seconds on a loaded CI machine) and well
        // before the campaign could finish (120 × 0.1 s on a one-at-a-time instrument).
        const int budget = 120;
        string windowEnd = DateTimeOffset.UtcNow.AddSeconds(9).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        string spec = SpecFiles.Write("window", SpecFiles.Branin("window", budget, batch: 2,
            measureOptions: ", latency_s: '0.1'",
            extra: $"schedule: {{window_end: {windowEnd}}}"));
        RunFolderFiles run = RunFolderFiles.NewTemp("window");

        AutoLabCommand.Result halted = await AutoLabCommand.RunAsync(["run", spec, "--out", run.Root]);

        Assert.True(halted.ExitCode == 0, halted.ToString());
        Assert.Contains("Halted: halted", halted.Output, StringComparison.Ordinal);
        Assert.Equal("Halted", run.Summary().GetProperty("status").GetString());
        int finishedAtHalt = run.Observations().Rows.Count;
        Assert.InRange(finishedAtHalt, 1, budget - 1);
        Assert.Equal(0, run.Summary().GetProperty("experimentsInFlight").GetInt32());

        AutoLabCommand.Result resumed = await AutoLabCommand.RunAsync(["resume", run.Root], TimeSpan.FromMinutes(3));

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("not scheduling a halt", resumed.Output, StringComparison.Ordinal);
        Assert.Equal("Completed", run.Summary().GetProperty("status").GetString());
        Assert.Equal(budget, run.Observations().Rows.Count);
    }

    [Fact]
    public async Task Periodic_calibrations_are_journaled_without_counting_against_the_budget()
    {
        const int budget = 30;
        string spec = SpecFiles.Write("calibration", SpecFiles.Branin("calibration", budget, batch: 2,
            measureOptions: ", latency_s: '0.1'",
            extra: "schedule: {calibration: {every: 500ms, instrument: test-functions, options: {function: branin}}}"));
        RunFolderFiles run = RunFolderFiles.NewTemp("calibration");

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(["run", spec, "--out", run.Root]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var journal = run.Journal();
        var calibrations = journal.Where(e => e.Kind == "ExperimentStarted" && e.Payload.Contains("\"sequence\":0,", StringComparison.Ordinal))
            .Select(e => e.Experiment).ToHashSet();
        Assert.True(calibrations.Count >= 2, $"expected a calibration every 500 ms, got {calibrations.Count}");
        Assert.Contains(journal, e => e.Kind == "MeasurementCompleted" && calibrations.Contains(e.Experiment));
        Assert.Equal(budget, run.Observations().Rows.Count);
        Assert.Equal(budget, run.Summary().GetProperty("experimentsCompleted").GetInt32());
    }
}
