using System.Text.Json;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Tests.Journal;

namespace AutoLab.Orchestrator.Tests.RunFolders;

/// <summary>The summary reads status, counts, timing and the best experiment (in the first objective's direction) from the journal.</summary>
public sealed class CampaignSummaryTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(ObjectiveDirection.Maximize, 2, 81.25)]
    [InlineData(ObjectiveDirection.Minimize, 1, 12.0)]
    public async Task The_best_experiment_follows_the_first_objectives_direction(ObjectiveDirection direction, int bestSequence, double bestValue)
    {
        await using JournalScript script = await StartedAsync(SamplePlans.Mixed(direction));
        await script.SuggestAsync(SamplePlans.Point(1), SamplePlans.Point(2), SamplePlans.Point(3), SamplePlans.Point(4));
        StartExperiment one = await script.StartExperimentAsync(SamplePlans.Point(1));
        StartExperiment two = await script.StartExperimentAsync(SamplePlans.Point(2));
        StartExperiment three = await script.StartExperimentAsync(SamplePlans.Point(3));
        StartExperiment four = await script.StartExperimentAsync(SamplePlans.Point(4));
        await script.CompleteAsync(one, new Dictionary<string, double> { ["yield"] = 12, ["cost"] = -100 });
        await script.CompleteAsync(two, new Dictionary<string, double> { ["yield"] = 81.25, ["cost"] = 1 }, new Dictionary<string, double> { ["yield"] = 0.5 });
        await script.CompleteAsync(three, new Dictionary<string, double> { ["yield"] = double.NaN, ["cost"] = 1 });
        await script.CompleteAsync(four, new Dictionary<string, double> { ["cost"] = 1 });

        CampaignSummary summary = CampaignSummaryBuilder.Build(await script.EntriesAsync(), script.Clock.GetUtcNow());

        BestObservation best = Assert.IsType<BestObservation>(summary.Best);
        Assert.Equal("yield", best.Objective);
        Assert.Equal(direction, best.Direction);
        Assert.Equal(bestSequence, best.Sequence);
        Assert.Equal(bestValue, best.Value);
        Assert.Equal(bestSequence == 2 ? 0.5 : null, best.Uncertainty);
        Assert.Equal(bestSequence, best.Parameters.Values["x1"]);
    }

    [Fact]
    public async Task A_finished_campaign_reports_its_counts_outcome_and_duration()
    {
        await using JournalScript script = await StartedAsync(SamplePlans.Mixed());
        DateTimeOffset startedAt = script.Clock.GetUtcNow();
        await script.SuggestAsync(SamplePlans.Point(1), SamplePlans.Point(2), SamplePlans.Point(3));
        StartExperiment one = await script.StartExperimentAsync(SamplePlans.Point(1));
        StartExperiment two = await script.StartExperimentAsync(SamplePlans.Point(2));
        await script.StartExperimentAsync(SamplePlans.Point(3));
        await script.CompleteAsync(one, new Dictionary<string, double> { ["yield"] = 5 });
        await script.FaultAsync(two, ExperimentStep.Prepare, StepFaultKind.Refused, "x1 outside the envelope");
        await script.EndAsync(CampaignOutcome.Aborted, "operator stop");
        DateTimeOffset endedAt = script.Clock.GetUtcNow();
        script.Clock.Advance(TimeSpan.FromHours(1));

        CampaignSummary summary = CampaignSummaryBuilder.Build(await script.EntriesAsync(), script.Clock.GetUtcNow());

        Assert.Equal(CampaignStatus.Aborted, summary.Status);
        Assert.Equal("operator stop", summary.Reason);
        Assert.Equal(script.CampaignId, summary.CampaignId);
        Assert.Equal("mixed", summary.Name);
        Assert.Equal(20, summary.Budget);
        Assert.Equal((3, 1, 1, 1), (summary.ExperimentsStarted, summary.ExperimentsCompleted, summary.ExperimentsFaulted, summary.ExperimentsInFlight));
        Assert.Equal(3, summary.SuggestionsReceived);
        Assert.Equal(startedAt, summary.StartedAt);
        Assert.Equal(endedAt, summary.EndedAt);
        Assert.Equal((endedAt - startedAt).TotalSeconds, summary.ElapsedSeconds);
        Assert.Equal(endedAt, summary.LastActivityAt);
    }

    [Fact]
    public async Task A_paused_campaign_reports_paused_and_elapsed_time_up_to_now()
    {
        await using JournalScript script = await StartedAsync(SamplePlans.Mixed());
        DateTimeOffset startedAt = script.Clock.GetUtcNow();
        await script.PauseAsync("operator coffee");
        DateTimeOffset now = script.Clock.Advance(TimeSpan.FromMinutes(10));

        CampaignSummary summary = CampaignSummaryBuilder.Build(await script.EntriesAsync(), now);

        Assert.Equal(CampaignStatus.Paused, summary.Status);
        Assert.Equal("operator coffee", summary.Reason);
        Assert.Null(summary.EndedAt);
        Assert.Null(summary.Best);
        Assert.Equal((now - startedAt).TotalSeconds, summary.ElapsedSeconds);
    }

    [Fact]
    public async Task A_halted_then_resumed_campaign_is_running_again()
    {
        await using JournalScript script = await StartedAsync(SamplePlans.Mixed());
        await script.EndAsync(CampaignOutcome.Halted, "beamtime over");
        CampaignSummary halted = CampaignSummaryBuilder.Build(await script.EntriesAsync(), script.Clock.GetUtcNow());
        await script.ResumeAsync();

        CampaignSummary resumed = CampaignSummaryBuilder.Build(await script.EntriesAsync(), script.Clock.GetUtcNow());

        Assert.Equal((CampaignStatus.Halted, "beamtime over"), (halted.Status, halted.Reason));
        Assert.NotNull(halted.EndedAt);
        Assert.Equal(CampaignStatus.Running, resumed.Status);
        Assert.Null(resumed.EndedAt);
    }

    [Fact]
    public async Task Summary_json_is_indented_camelCase_with_the_status_by_name()
    {
        await using JournalScript script = await StartedAsync(SamplePlans.Mixed());
        await script.SuggestAsync(SamplePlans.Point(3));
        StartExperiment one = await script.StartExperimentAsync(SamplePlans.Point(3));
        await script.CompleteAsync(one, new Dictionary<string, double> { ["yield"] = 40 });
        await script.EndAsync(CampaignOutcome.Completed, "budget spent");
        CampaignSummary summary = CampaignSummaryBuilder.Build(await script.EntriesAsync(), script.Clock.GetUtcNow());
        string path = _folder.File("summary.json");

        await CampaignSummaryWriter.WriteAsync(path, summary);

        string json = await File.ReadAllTextAsync(path);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        Assert.Contains("\n  \"campaignId\": ", json, StringComparison.Ordinal);
        Assert.Equal("Completed", root.GetProperty("status").GetString());
        Assert.Equal("budget spent", root.GetProperty("reason").GetString());
        Assert.Equal("Maximize", root.GetProperty("best").GetProperty("direction").GetString());
        Assert.Equal(40, root.GetProperty("best").GetProperty("value").GetDouble());
        Assert.Equal(3, root.GetProperty("best").GetProperty("parameters").GetProperty("values").GetProperty("x1").GetDouble());
        Assert.Equal(summary, JournalSerializer.Deserialize<CampaignSummary>(json) with { Best = summary.Best });
    }

    [Fact]
    public async Task The_console_text_gives_status_counts_best_and_timing()
    {
        await using JournalScript script = await StartedAsync(SamplePlans.Mixed());
        await script.SuggestAsync(SamplePlans.Point(2.5, 3, "ethanol, 95%"));
        StartExperiment one = await script.StartExperimentAsync(SamplePlans.Point(2.5, 3, "ethanol, 95%"));
        await script.CompleteAsync(one, new Dictionary<string, double> { ["yield"] = 2.0 / 3 }, new Dictionary<string, double> { ["yield"] = 0.05 });
        await script.EndAsync(CampaignOutcome.Completed, "budget spent");
        CampaignSummary summary = CampaignSummaryBuilder.Build(await script.EntriesAsync(), script.Clock.GetUtcNow());

        string text = CampaignSummaryWriter.Describe(summary);

        Assert.Equal(
            $"campaign 'mixed' ({script.CampaignId}): Completed: budget spent\n" +
            "experiments: 1 started of 20, 1 completed, 0 faulted, 0 in flight\n" +
            "best: yield = 0.666667 ± 0.05 (Maximize), experiment 1 at x1=2.5, n=3, solvent=ethanol, 95%\n" +
            "started 2026-11-21 09:00:01Z, ended 2026-11-21 09:00:06Z, elapsed 5.0 s, last activity 2026-11-21 09:00:06Z",
            text);
    }

    private async Task<JournalScript> StartedAsync(CampaignPlan plan)
    {
        var script = new JournalScript(_folder.File("journal.db"), plan);
        await script.StartAsync();
        return script;
    }
}
