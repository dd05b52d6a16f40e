using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>The schedule's <c>beam_time</c>: a positive duration that sits beside the wall-clock window, with errors at its line and column.</summary>
public sealed class BeamTimeScheduleRuleTests
{
    [Fact]
    public void A_beam_time_window_is_read_beside_a_wall_clock_window()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("schedule:\n  window_end: 2026-11-22T04:00:00Z\n  beam_time: 8h\n"));

        SpecAssert.Valid(result);
        ScheduleSpec schedule = Assert.IsType<ScheduleSpec>(result.Schedule);
        Assert.Equal(TimeSpan.FromHours(8), schedule.BeamTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero), schedule.WindowEnd);
    }

    [Fact]
    public void A_schedule_without_beam_time_has_none()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("schedule:\n  window_end: 2026-11-22T04:00:00Z\n"));

        SpecAssert.Valid(result);
        Assert.Null(result.Schedule!.BeamTime);
    }

    [Fact]
    public void A_beam_time_that_is_not_positive_is_reported_at_its_value()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("schedule:\n  beam_time: 0s\n"));

        Assert.Equal(
            new SpecError(2, 14, "schedule.beam_time", "beam_time must be a positive duration such as 8h, found 0s"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_beam_time_that_is_not_a_duration_is_reported_at_its_value()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("schedule:\n  beam_time: one shift\n"));

        SpecError error = SpecAssert.SingleError(result);
        Assert.Equal((2, 14, "schedule.beam_time"), (error.Line, error.Column, error.Path));
        Assert.StartsWith("expected a duration such as 250ms, 30s, 5m, 2h", error.Message, StringComparison.Ordinal);
    }
}
