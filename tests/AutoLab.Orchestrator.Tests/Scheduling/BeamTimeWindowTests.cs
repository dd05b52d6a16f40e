using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Scheduling;

namespace AutoLab.Orchestrator.Tests.Scheduling;

/// <summary>
/// The beam-time window: it opens at the beam time already used, counts each measurement and each faulted
/// measure attempt once, and reports exactly once when the next measurement would no longer fit beside those
/// in flight, so a campaign of fixed-length measurements ends inside the window.
/// </summary>
public sealed class BeamTimeWindowTests
{
    static readonly TimeSpan Spot = TimeSpan.FromSeconds(120);
    // Durations here are whole seconds held in 100 ns ticks: sums are exact, so the tolerance only guards the double conversion.
    const double SecondsTolerance = 1e-9;

    [Fact]
    public void The_measurement_that_reaches_the_end_is_reported_once_and_later_ones_are_not()
    {
        var window = new BeamTimeWindow(TimeSpan.FromHours(8), TimeSpan.Zero);

        List<int> reported = [.. Enumerable.Range(1, 250).Where(i => window.Record($"e{i}/measure", Spot))];

        // 240 spots of 2 minutes are exactly 8 hours: the 240th reaches the end.
        Assert.Equal([240], reported);
        Assert.True(window.HasEnded);
        Assert.Equal(TimeSpan.FromSeconds(250 * 120), window.Used);
    }

    [Fact]
    public void A_redelivered_measurement_is_counted_once()
    {
        var window = new BeamTimeWindow(TimeSpan.FromMinutes(5), TimeSpan.Zero);

        window.Record("a/measure", Spot);
        window.Record("a/measure", Spot);

        Assert.Equal(Spot, window.Used);
        Assert.False(window.HasEnded);
    }

    [Fact]
    public void A_resumed_window_opens_at_the_beam_time_already_used_and_ignores_measurements_counted_before()
    {
        var window = new BeamTimeWindow(TimeSpan.FromHours(8), TimeSpan.FromHours(8.1), ["old/measure"]);

        Assert.Equal(TimeSpan.FromHours(16.1), window.End);
        Assert.False(window.Record("old/measure", TimeSpan.FromHours(9)), "a measurement journaled in an earlier window must not count again");
        Assert.Equal(TimeSpan.FromHours(8.1), window.Used);
        Assert.True(window.Record("new/measure", TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Negative_durations_count_as_zero()
    {
        var window = new BeamTimeWindow(TimeSpan.FromSeconds(1), TimeSpan.Zero);

        Assert.False(window.Record("a/measure", TimeSpan.FromSeconds(-5)));
        Assert.Equal(TimeSpan.Zero, window.Used);
    }

    [Fact]
    public void A_window_without_length_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BeamTimeWindow(TimeSpan.Zero, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BeamTimeWindow(TimeSpan.FromHours(1), TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void The_halt_names_the_window_and_is_keyed_by_its_end()
    {
        var campaign = Guid.Parse("0b1c6a36-3c1b-4f43-9a53-3d3b1f0e2a11");
        var window = new BeamTimeWindow(TimeSpan.FromHours(8), TimeSpan.FromHours(1));
        window.Record("a/measure", TimeSpan.FromHours(8.25));

        var halt = BeamTimeWindowObserver.HaltMessage(campaign, window, DateTimeOffset.UnixEpoch);

        Assert.Equal(campaign, halt.CampaignId);
        Assert.Equal("schedule", halt.RequestedBy);
        Assert.Equal($"{campaign:N}/beam-time-window-end/{TimeSpan.FromHours(9).Ticks}", halt.IdempotencyKey);
        Assert.Equal("beam-time window of 08:00:00 used up: 09:15:00 of beam time used, window 01:00:00 to 09:00:00", halt.Reason);
    }

    [Fact]
    public void With_a_batch_in_flight_the_halt_comes_when_the_next_start_would_not_fit_and_the_window_is_not_overrun()
    {
        // 35 s spots, 4 in flight, a 360 s window: 10 spots (350 s) fit, an 11th would end at 385 s.
        TimeSpan spot = TimeSpan.FromSeconds(35);
        var window = new BeamTimeWindow(TimeSpan.FromSeconds(360), TimeSpan.Zero);
        var queue = new Queue<Guid>();
        int? haltedAfterMeasurements = null;
        int measured = 0;
        for (int i = 0; i < 4; i++)
        {
            queue.Enqueue(StartOne(window, ref haltedAfterMeasurements, measured));
        }

        // A campaign refills its batch each time a measurement finishes, until the halt arrives.
        while (queue.Count > 0)
        {
            Guid done = queue.Dequeue();
            measured++;
            if (window.RecordMeasurement(done, $"{done:N}/measure", spot))
            {
                haltedAfterMeasurements ??= measured;
            }

            if (haltedAfterMeasurements is null)
            {
                queue.Enqueue(StartOne(window, ref haltedAfterMeasurements, measured));
            }
        }

        // Known once the 10th spot starts after 6 have finished: 210 s used + (4 in flight + 1) x 35 s = 385 s > 360 s.
        Assert.Equal(6, haltedAfterMeasurements);
        Assert.Equal(10, measured);
        Assert.Equal(350, window.Used.TotalSeconds, SecondsTolerance);
        Assert.True(window.Used <= window.End, "fixed-length measurements must end inside the window");
        Assert.Equal(0, window.InFlight);
    }

    [Fact]
    public void The_halt_is_due_as_soon_as_one_more_measurement_beside_those_in_flight_would_pass_the_end()
    {
        var window = new BeamTimeWindow(TimeSpan.FromSeconds(100), TimeSpan.Zero);
        Guid first = Guid.NewGuid();
        window.Started(first);

        Assert.False(window.RecordMeasurement(first, "first/measure", TimeSpan.FromSeconds(20)), "20 + (0 + 1) x 20 = 40 s fits in 100 s");
        Assert.False(window.Started(Guid.NewGuid()), "20 + (1 + 1) x 20 = 60 s fits");
        Assert.False(window.Started(Guid.NewGuid()), "20 + (2 + 1) x 20 = 80 s fits");
        Assert.False(window.Started(Guid.NewGuid()), "20 + (3 + 1) x 20 = 100 s ends exactly at the end, which fits");
        Assert.True(window.Started(Guid.NewGuid()), "20 + (4 + 1) x 20 = 120 s would pass the end");
        Assert.False(window.Started(Guid.NewGuid()), "the halt is reported once");
        Assert.True(window.IsHaltDue);
        Assert.False(window.HasEnded);
    }

    [Fact]
    public void A_request_for_several_experiments_that_would_not_all_fit_halts_at_the_request()
    {
        var window = new BeamTimeWindow(TimeSpan.FromSeconds(100), TimeSpan.Zero);
        window.Record("first/measure", TimeSpan.FromSeconds(20));
        window.Started(Guid.NewGuid());

        Assert.False(window.Requested(2), "20 + (1 + 2) x 20 = 80 s: both fit");
        Assert.False(window.Requested(3), "20 + (1 + 3) x 20 = 100 s: all three end exactly at the end");
        Assert.True(window.Requested(4), "20 + (1 + 4) x 20 = 120 s: the fourth would pass the end, so none is started");
        Assert.False(window.Requested(4), "the halt is reported once");
    }

    [Fact]
    public void A_request_counts_starts_the_campaign_has_made_that_the_window_has_not_seen_yet()
    {
        var window = new BeamTimeWindow(TimeSpan.FromSeconds(100), TimeSpan.Zero);
        Guid measured = Guid.NewGuid();
        window.Started(measured);
        window.RecordMeasurement(measured, "measured/measure", TimeSpan.FromSeconds(20));

        // The campaign has 3 pending: the measured one (still analysing, no beam left to use) and two starts not seen here yet.
        Assert.False(window.Requested(2, campaignPending: 3), "20 + (3 - 1 + 2) x 20 = 100 s ends exactly at the end");
        Assert.True(window.Requested(3, campaignPending: 3), "20 + (3 - 1 + 3) x 20 = 120 s would pass it, though this window alone sees nothing in flight");
    }

    [Fact]
    public void Before_any_measurement_has_completed_starts_are_allowed()
    {
        var window = new BeamTimeWindow(TimeSpan.FromSeconds(60), TimeSpan.Zero);

        bool[] reported = [.. Enumerable.Range(0, 50).Select(_ => window.Started(Guid.NewGuid()))];

        Assert.DoesNotContain(true, reported);
        Assert.Null(window.Estimate);
        Assert.Equal(50, window.InFlight);
    }

    [Fact]
    public void A_faulted_attempt_adds_its_beam_time_once_per_attempt()
    {
        var window = new BeamTimeWindow(TimeSpan.FromHours(8), TimeSpan.Zero);
        Guid experiment = Guid.NewGuid();
        window.Started(experiment);

        window.RecordFault(experiment, "e/measure", 1, Spot, final: false);
        window.RecordFault(experiment, "e/measure", 1, Spot, final: false);
        window.RecordFault(experiment, "e/measure", 2, Spot, final: false);
        window.RecordMeasurement(experiment, "e/measure", Spot);

        Assert.Equal(3 * Spot, window.Used);
        Assert.Equal(Spot, window.Estimate);
        Assert.Equal(0, window.InFlight);
    }

    [Fact]
    public void Faulted_time_counts_as_used_but_does_not_shrink_the_estimate()
    {
        var window = new BeamTimeWindow(TimeSpan.FromHours(8), TimeSpan.Zero);

        window.RecordFault(Guid.NewGuid(), "refused/measure", 1, TimeSpan.Zero, final: true);
        window.RecordFault(Guid.NewGuid(), "garbage/measure", 1, Spot, final: true);
        window.Record("good/measure", Spot);

        Assert.Equal(2 * Spot, window.Used);
        Assert.Equal(Spot, window.Estimate);
    }

    [Fact]
    public void Until_a_measurement_completes_faulted_attempts_that_used_beam_time_give_the_estimate()
    {
        var window = new BeamTimeWindow(TimeSpan.FromHours(8), TimeSpan.Zero);

        window.RecordFault(Guid.NewGuid(), "refused/measure", 1, TimeSpan.Zero, final: true);
        Assert.Null(window.Estimate);

        window.RecordFault(Guid.NewGuid(), "garbage/measure", 1, Spot, final: true);
        Assert.Equal(Spot, window.Estimate);
    }

    [Fact]
    public void A_retryable_fault_keeps_the_measurement_in_flight_and_the_last_one_ends_it()
    {
        var window = new BeamTimeWindow(TimeSpan.FromHours(8), TimeSpan.Zero);
        Guid experiment = Guid.NewGuid();
        window.Started(experiment);

        window.RecordFault(experiment, "e/measure", 1, Spot, final: false);
        Assert.Equal(1, window.InFlight);

        window.RecordFault(experiment, "e/measure", 2, Spot, final: true);
        Assert.Equal(0, window.InFlight);
    }

    [Fact]
    public void Redelivered_starts_and_measurements_are_not_counted_twice_and_a_late_start_does_not_come_back()
    {
        var window = new BeamTimeWindow(TimeSpan.FromHours(8), TimeSpan.Zero);
        Guid experiment = Guid.NewGuid();

        window.Started(experiment);
        window.Started(experiment);
        Assert.Equal(1, window.InFlight);

        window.RecordMeasurement(experiment, "e/measure", Spot);
        window.RecordMeasurement(experiment, "e/measure", Spot);
        window.Started(experiment);

        Assert.Equal(Spot, window.Used);
        Assert.Equal(0, window.InFlight);
    }

    [Fact]
    public void An_experiment_that_ends_at_another_step_leaves_the_in_flight_count()
    {
        var window = new BeamTimeWindow(TimeSpan.FromHours(8), TimeSpan.Zero);
        Guid experiment = Guid.NewGuid();
        window.Started(experiment);

        window.Finished(experiment);

        Assert.Equal(0, window.InFlight);
        Assert.Equal(TimeSpan.Zero, window.Used);
    }

    [Fact]
    public void A_resumed_window_keeps_the_estimate_and_the_faulted_attempts_of_earlier_windows()
    {
        var window = new BeamTimeWindow(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(80), ["a/measure", BeamTimeWindow.FaultKey("b/measure", 1)], measurementsBefore: 2, measuredBefore: TimeSpan.FromSeconds(40));

        Assert.Equal(TimeSpan.FromSeconds(20), window.Estimate);
        Assert.False(window.RecordFault(Guid.NewGuid(), "b/measure", 1, TimeSpan.FromSeconds(40), final: true), "an attempt journaled in an earlier window must not count again");
        Assert.Equal(TimeSpan.FromSeconds(80), window.Used);
        Assert.False(window.Started(Guid.NewGuid()), "80 + 2 x 20 = 120 s fits in the window ending at 180 s");
    }

    [Fact]
    public void The_window_and_the_summary_count_the_same_beam_time_from_the_same_messages()
    {
        Guid campaign = Guid.NewGuid();
        MeasurementCompleted[] measured = [Measured(campaign, "a/measure", 120), Measured(campaign, "b/measure", 120), Measured(campaign, "a/measure", 120)];
        StepFaulted[] faults =
        [
            Fault(campaign, "b/measure", 1, ExperimentStep.Measure, 120), Fault(campaign, "b/measure", 1, ExperimentStep.Measure, 120),
            Fault(campaign, "c/measure", 1, ExperimentStep.Measure, 0), Fault(campaign, "d/prepare", 1, ExperimentStep.Prepare, 300),
        ];
        var window = new BeamTimeWindow(TimeSpan.FromHours(8), TimeSpan.Zero);

        foreach (MeasurementCompleted m in measured)
        {
            window.RecordMeasurement(m.ExperimentId, m.IdempotencyKey, TimeSpan.FromSeconds(m.DurationSeconds));
        }

        // The observer ignores faults of other steps, as the summary does: preparation is not beam time.
        foreach (StepFaulted f in faults.Where(f => f.Step == ExperimentStep.Measure))
        {
            window.RecordFault(f.ExperimentId, f.IdempotencyKey, f.Attempt, TimeSpan.FromSeconds(f.DurationSeconds), final: false);
        }

        CampaignSummaryBeamTime summary = CampaignSummaryBeamTime.Of(measured, faults);

        Assert.Equal(360, summary.Seconds, SecondsTolerance);
        Assert.Equal(summary.Seconds, window.Used.TotalSeconds, SecondsTolerance);
        Assert.Equal(2, summary.Measurements);
        Assert.Equal(2, summary.FaultedAttempts);
        Assert.Equal(120, summary.FaultedSeconds, SecondsTolerance);
        Assert.Equal(360, summary.ByInstrument["saxs"], SecondsTolerance);
        Assert.Equal("00:06 (360 s) over 2 measurements and 2 faulted attempts (120 s); saxs 360 s", CampaignSummaryWriter.DescribeBeamTime(summary));
    }

    [Fact]
    public void An_early_halt_says_there_is_no_room_for_more_measurements()
    {
        var campaign = Guid.Parse("0b1c6a36-3c1b-4f43-9a53-3d3b1f0e2a11");
        var window = new BeamTimeWindow(TimeSpan.FromSeconds(360), TimeSpan.Zero);
        for (int i = 0; i < 7; i++)
        {
            window.Record($"e{i}/measure", TimeSpan.FromSeconds(35));
        }

        window.Started(Guid.NewGuid());
        window.Started(Guid.NewGuid());
        window.Started(Guid.NewGuid());

        var halt = BeamTimeWindowObserver.HaltMessage(campaign, window, DateTimeOffset.UnixEpoch);

        Assert.Equal($"{campaign:N}/beam-time-window-end/{TimeSpan.FromSeconds(360).Ticks}", halt.IdempotencyKey);
        Assert.Equal("beam-time window of 00:06:00 has no room for more measurements: 00:04:05 of beam time used, 3 in flight, about 00:00:35 each, window 00:00:00 to 00:06:00", halt.Reason);
    }

    static Guid StartOne(BeamTimeWindow window, ref int? haltedAfterMeasurements, int measured)
    {
        Guid id = Guid.NewGuid();
        if (window.Started(id))
        {
            haltedAfterMeasurements ??= measured;
        }

        return id;
    }

    static MeasurementCompleted Measured(Guid campaign, string key, double seconds) => new()
    {
        CampaignId = campaign,
        ExperimentId = ExperimentOf(key),
        IdempotencyKey = key,
        Timestamp = DateTimeOffset.UnixEpoch,
        Instrument = "saxs",
        DurationSeconds = seconds,
    };

    static StepFaulted Fault(Guid campaign, string key, int attempt, ExperimentStep step, double seconds) => new()
    {
        CampaignId = campaign,
        ExperimentId = ExperimentOf(key),
        IdempotencyKey = key,
        Timestamp = DateTimeOffset.UnixEpoch,
        Step = step,
        Instrument = "saxs",
        Attempt = attempt,
        Kind = StepFaultKind.BadOutput,
        Reason = "injected garbage",
        DurationSeconds = seconds,
    };

    // One experiment per key prefix ("a/measure" -> a), stable across calls: the prefix's bytes, zero-padded.
    static Guid ExperimentOf(string key)
    {
        byte[] bytes = new byte[16];
        System.Text.Encoding.UTF8.GetBytes(key.Split('/')[0]).CopyTo(bytes, 0);
        return new Guid(bytes);
    }
}
