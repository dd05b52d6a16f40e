using AutoLab.Orchestrator.Scheduling;

namespace AutoLab.Orchestrator.Tests.Scheduling;

/// <summary>The beam-time window: it opens at the beam time already used, counts each measurement once, and reports its end exactly once.</summary>
public sealed class BeamTimeWindowTests
{
    static readonly TimeSpan Spot = TimeSpan.FromSeconds(120);

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
}
