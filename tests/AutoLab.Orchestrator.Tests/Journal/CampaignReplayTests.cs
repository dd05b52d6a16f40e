using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.Tests.Journal;

/// <summary>
/// Replay rebuilds a campaign from a real journal file: what finished, what was in flight and how far it got,
/// which suggestions are still to run, whether it comes back paused, and when there is nothing to resume.
/// </summary>
public sealed class CampaignReplayTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private JournalScript _script = null!;

    public async Task InitializeAsync()
    {
        _script = new JournalScript(_folder.File("journal.db"), SamplePlans.Mixed());
        await _script.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _script.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Recovery_carries_the_plan_and_data_folder_from_CampaignStarted_and_a_key_unique_to_this_point()
    {
        CampaignReplayResult first = await _script.ReplayAsync();
        await _script.SuggestAsync(SamplePlans.Point(1));
        CampaignReplayResult later = await _script.ReplayAsync();

        RecoverCampaign recovery = Assert.IsType<RecoverCampaign>(first.Recovery);
        Assert.True(first.CanResume);
        Assert.Equal(_script.CampaignId, recovery.CampaignId);
        Assert.Equal(_script.Plan.Name, recovery.Plan.Name);
        // Records holding lists compare those by reference, so the plan is compared as the journal writes it.
        Assert.Equal(JournalSerializer.Serialize(_script.Plan), JournalSerializer.Serialize(recovery.Plan));
        Assert.Equal(_script.DataDirectory, recovery.DataDirectory);
        Assert.Equal(_script.Clock.GetUtcNow(), later.Recovery!.Timestamp);
        Assert.NotEqual(recovery.IdempotencyKey, later.Recovery.IdempotencyKey);
    }

    [Fact]
    public async Task An_in_flight_experiment_with_a_journaled_measurement_restarts_with_its_sample_and_measurement()
    {
        await _script.SuggestAsync(SamplePlans.Point(1), SamplePlans.Point(2));
        StartExperiment measured = await _script.StartExperimentAsync(SamplePlans.Point(1));
        StartExperiment prepared = await _script.StartExperimentAsync(SamplePlans.Point(2));
        await _script.PrepareAsync(measured, "S-001");
        await _script.PrepareAsync(prepared, "S-002");
        var pattern = new DataReference { Key = "pattern", Uri = "data/1/pattern.csv", MediaType = "text/csv", Length = 1024 };
        await _script.MeasureAsync(measured, 12.5, pattern);

        RecoverCampaign recovery = (await _script.ReplayAsync()).Recovery!;

        Assert.Equal([1, 2], recovery.InFlight.Select(e => e.Sequence));
        StartExperiment first = recovery.InFlight[0];
        Assert.Equal(measured.ExperimentId, first.ExperimentId);
        Assert.Equal(measured.IdempotencyKey, first.IdempotencyKey);
        Assert.Equal("S-001", first.PreparedSampleId);
        CompletedMeasurement measurement = Assert.IsType<CompletedMeasurement>(first.Measurement);
        Assert.Equal("xrd", measurement.Instrument);
        Assert.Equal(12.5, measurement.Readings["intensity"]);
        Assert.Equal([pattern], measurement.Data);
        StartExperiment second = recovery.InFlight[1];
        Assert.Equal("S-002", second.PreparedSampleId);
        Assert.Null(second.Measurement);
        Assert.Empty(recovery.Observations);
    }

    [Fact]
    public async Task An_experiment_only_started_restarts_from_the_beginning()
    {
        await _script.SuggestAsync(SamplePlans.Point(1));
        StartExperiment started = await _script.StartExperimentAsync(SamplePlans.Point(1));

        StartExperiment restart = Assert.Single((await _script.ReplayAsync()).Recovery!.InFlight);

        Assert.Equal(started.ExperimentId, restart.ExperimentId);
        Assert.Equal(started.Sequence, restart.Sequence);
        Assert.Equal(started.Parameters.Values, restart.Parameters.Values);
        Assert.Equal(JournalSerializer.Serialize(started.Steps), JournalSerializer.Serialize(restart.Steps));
        Assert.Equal(started.DataDirectory, restart.DataDirectory);
        Assert.Null(restart.PreparedSampleId);
        Assert.Null(restart.Measurement);
    }

    [Fact]
    public async Task Unstarted_suggestions_are_the_points_received_less_those_started_first_in_first_out()
    {
        await _script.SuggestAsync(SamplePlans.Point(1), SamplePlans.Point(2), SamplePlans.Point(3));
        await _script.StartExperimentAsync(SamplePlans.Point(1));
        await _script.SuggestAsync(SamplePlans.Point(4), SamplePlans.Point(5));
        await _script.StartExperimentAsync(SamplePlans.Point(2));

        RecoverCampaign recovery = (await _script.ReplayAsync()).Recovery!;

        Assert.Equal([3.0, 4.0, 5.0], recovery.UnstartedSuggestions.Select(p => p.Values["x1"]));
        Assert.Equal(5, recovery.SuggestionCount);
    }

    [Fact]
    public async Task Discarded_suggestions_are_not_recovered_but_still_count_as_received()
    {
        await _script.SuggestAsync(SamplePlans.Point(1), SamplePlans.Point(2), SamplePlans.Point(3));
        await _script.StartExperimentAsync(SamplePlans.Point(1));
        await _script.DiscardAsync(2, "rejected by alice");
        await _script.SuggestAsync(SamplePlans.Point(6), SamplePlans.Point(7));

        RecoverCampaign recovery = (await _script.ReplayAsync()).Recovery!;

        Assert.Equal([6.0, 7.0], recovery.UnstartedSuggestions.Select(p => p.Values["x1"]));
        Assert.Equal(5, recovery.SuggestionCount);
    }

    [Fact]
    public async Task Restarting_an_experiment_journaled_again_under_another_key_consumes_no_second_suggestion()
    {
        await _script.SuggestAsync(SamplePlans.Point(1), SamplePlans.Point(2));
        StartExperiment started = await _script.StartExperimentAsync(SamplePlans.Point(1));
        await _script.Journal.AppendExperimentStartedAsync(started with { IdempotencyKey = "restart-after-recovery" });

        RecoverCampaign recovery = (await _script.ReplayAsync()).Recovery!;

        Assert.Equal([2.0], recovery.UnstartedSuggestions.Select(p => p.Values["x1"]));
        Assert.Single(recovery.InFlight);
    }

    [Fact]
    public async Task Finished_experiments_become_observations_in_experiment_order_with_faults_as_failed()
    {
        await _script.SuggestAsync(SamplePlans.Point(1), SamplePlans.Point(2), SamplePlans.Point(3));
        StartExperiment one = await _script.StartExperimentAsync(SamplePlans.Point(1));
        StartExperiment two = await _script.StartExperimentAsync(SamplePlans.Point(2));
        StartExperiment three = await _script.StartExperimentAsync(SamplePlans.Point(3));
        // They finish out of order: 3, then 1 faults, then 2.
        await _script.CompleteAsync(three, Objectives(30, 3));
        await _script.FaultAsync(one, ExperimentStep.Measure, StepFaultKind.Timeout, "no answer in 60 s");
        await _script.CompleteAsync(two, Objectives(20, 2), new Dictionary<string, double> { ["yield"] = 0.5 });

        RecoverCampaign recovery = (await _script.ReplayAsync()).Recovery!;

        Assert.Empty(recovery.InFlight);
        Assert.Equal([1, 2, 3], recovery.Observations.Select(o => o.Sequence));
        Observation failed = recovery.Observations[0];
        Assert.False(failed.Succeeded);
        Assert.Empty(failed.Objectives);
        Assert.Equal(one.ExperimentId, failed.ExperimentId);
        Assert.Equal(1.0, failed.Parameters.Values["x1"]);
        Assert.True(recovery.Observations[1].Succeeded);
        Assert.Equal(20, recovery.Observations[1].Objectives["yield"]);
        Assert.Equal(0.5, recovery.Observations[1].Uncertainties["yield"]);
    }

    [Fact]
    public async Task Experiment_entries_journaled_out_of_order_are_matched_by_experiment_id()
    {
        await _script.SuggestAsync(SamplePlans.Point(1), SamplePlans.Point(2));
        var early = new StartExperiment
        {
            CampaignId = _script.CampaignId,
            ExperimentId = Guid.NewGuid(),
            IdempotencyKey = "early",
            Timestamp = ManualClock.Epoch,
            Sequence = 1,
            Parameters = SamplePlans.Point(1),
            Steps = _script.Plan.Steps,
        };
        // The measurement and the completion of experiment 1 land before its start in the journal.
        await _script.MeasureAsync(early, 4);
        await _script.CompleteAsync(early, Objectives(10, 1));
        await _script.Journal.AppendExperimentStartedAsync(early);
        StartExperiment second = await _script.StartExperimentAsync(SamplePlans.Point(2));
        await _script.MeasureAsync(second, 5);

        RecoverCampaign recovery = (await _script.ReplayAsync()).Recovery!;

        Observation observation = Assert.Single(recovery.Observations);
        Assert.Equal(early.ExperimentId, observation.ExperimentId);
        StartExperiment inFlight = Assert.Single(recovery.InFlight);
        Assert.Equal(second.ExperimentId, inFlight.ExperimentId);
        Assert.Equal(5, inFlight.Measurement!.Readings["intensity"]);
        Assert.Empty(recovery.UnstartedSuggestions);
    }

    [Fact]
    public async Task A_campaign_whose_last_control_entry_is_a_pause_comes_back_paused()
    {
        await _script.PauseAsync();

        Assert.True((await _script.ReplayAsync()).Recovery!.Paused);
    }

    [Fact]
    public async Task A_campaign_resumed_after_a_pause_comes_back_running()
    {
        await _script.PauseAsync();
        await _script.ResumeAsync();

        Assert.False((await _script.ReplayAsync()).Recovery!.Paused);
    }

    [Fact]
    public async Task A_halted_campaign_can_resume_and_comes_back_paused()
    {
        await _script.EndAsync(CampaignOutcome.Halted, "beamtime over");

        CampaignReplayResult result = await _script.ReplayAsync();

        Assert.True(result.CanResume);
        Assert.Null(result.Ended);
        Assert.True(result.Recovery!.Paused);
        Assert.Contains("comes back paused", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CampaignOutcome.Completed)]
    [InlineData(CampaignOutcome.Aborted)]
    [InlineData(CampaignOutcome.Faulted)]
    public async Task A_campaign_that_ended_for_good_has_nothing_to_resume(CampaignOutcome outcome)
    {
        await _script.EndAsync(CampaignOutcome.Halted);
        await _script.ResumeAsync();
        await _script.EndAsync(outcome, "the reason");

        CampaignReplayResult result = await _script.ReplayAsync();

        Assert.False(result.CanResume);
        Assert.Null(result.Recovery);
        Assert.Equal(outcome, result.Ended!.Outcome);
        Assert.Contains($"already ended {outcome}", result.Message, StringComparison.Ordinal);
        Assert.Contains("the reason. Nothing to resume.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_without_CampaignStarted_is_refused_clearly()
    {
        await _script.PauseAsync();
        List<JournalEntry> entries = await _script.EntriesAsync();

        JournalException empty = Assert.Throws<JournalException>(() => CampaignReplay.Replay([], ManualClock.Epoch));
        JournalException headless = Assert.Throws<JournalException>(
            () => CampaignReplay.Replay(entries.Skip(1), ManualClock.Epoch, "the journal 'x/journal.db'"));

        Assert.Contains("is empty: the campaign never started", empty.Message, StringComparison.Ordinal);
        Assert.Equal(
            "The journal 'x/journal.db' has no CampaignStarted entry among its 1 entries, so the campaign's plan is unknown.",
            headless.Message);
    }

    [Fact]
    public async Task A_journal_left_as_a_killed_process_leaves_it_replays_every_committed_entry()
    {
        await _script.SuggestAsync(SamplePlans.Point(1), SamplePlans.Point(2));
        StartExperiment one = await _script.StartExperimentAsync(SamplePlans.Point(1));
        await _script.MeasureAsync(one, 7);
        // Copying while the writer still holds the file captures journal.db and its WAL as kill -9 would leave them.
        using var crashed = new TemporaryFolder();
        foreach (string file in Directory.GetFiles(_folder.Path))
        {
            File.Copy(file, crashed.File(Path.GetFileName(file)));
        }

        IReadOnlyList<JournalEntry> entries = await SqliteJournalReader.ReadListAsync(crashed.File("journal.db"));
        RecoverCampaign recovery = CampaignReplay.Replay(entries, ManualClock.Epoch).Recovery!;

        Assert.Equal((await _script.EntriesAsync()).Count, entries.Count);
        Assert.Equal(7, Assert.Single(recovery.InFlight).Measurement!.Readings["intensity"]);
    }

    private static Dictionary<string, double> Objectives(double yield, double cost) => new() { ["yield"] = yield, ["cost"] = cost };
}
