using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>Rules on the schedule: ISO-8601 times with an offset, a window that ends after it starts, a usable calibration.</summary>
public class ScheduleRuleTests
{
    [Fact]
    public void A_valid_schedule_is_exposed_beside_the_plan()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(
            "schedule:\n  start_at: 2026-11-21T20:00:00Z\n  window_end: 2026-11-22T04:00:00+01:00\n  calibration: {every: 30m, instrument: test-functions, options: {function: sphere}}\n"));

        SpecAssert.Valid(result);
        ScheduleSpec schedule = Assert.IsType<ScheduleSpec>(result.Schedule);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.Zero), schedule.StartAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero), schedule.WindowEnd);
        CalibrationSpec calibration = Assert.IsType<CalibrationSpec>(schedule.Calibration);
        Assert.Equal(TimeSpan.FromMinutes(30), calibration.Every);
        Assert.Equal("test-functions", calibration.Instrument);
        Assert.Equal("sphere", calibration.Options["function"]);
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_is_reported_at_the_end()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("schedule:\n  start_at: 2026-11-22T04:00:00Z\n  window_end: 2026-11-21T20:00:00Z\n"));

        SpecError error = SpecAssert.SingleError(result);
        Assert.Equal((3, 15, "schedule.window_end"), (error.Line, error.Column, error.Path));
        Assert.StartsWith("window_end 2026-11-21T20:00:00.0000000+00:00 is not after start_at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_without_an_offset_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("schedule:\n  start_at: 2026-11-21T20:00:00\n"));

        Assert.Equal(
            new SpecError(2, 13, "schedule.start_at", "'2026-11-21T20:00:00' has no UTC offset; add 'Z' for UTC or an offset such as '+01:00'"),
            SpecAssert.SingleError(result));
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("21/11/2026 20:00")]
    [InlineData("2026-13-40T20:00:00Z")]
    public void A_time_that_is_not_iso_8601_is_reported(string text)
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With($"schedule:\n  window_end: \"{text}\"\n"));

        SpecError error = SpecAssert.SingleError(result);
        Assert.Equal((2, 15, "schedule.window_end"), (error.Line, error.Column, error.Path));
        Assert.StartsWith($"'{text}' is not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calibration_without_a_period_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("schedule:\n  calibration: {instrument: test-functions}\n"));

        Assert.Equal(new SpecError(2, 16, "schedule.calibration.every", "missing required key 'every' in schedule.calibration"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_calibration_period_of_zero_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("schedule:\n  calibration: {every: 0, instrument: test-functions}\n"));

        SpecAssert.HasError(result, 2, 24, "schedule.calibration.every", "every must be a positive duration, found 0s");
    }

    [Fact]
    public void A_calibration_on_an_instrument_that_cannot_measure_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("schedule:\n  calibration: {every: 1h, instrument: synth-robot}\n"));

        SpecAssert.HasError(result, 2, 40, "schedule.calibration.instrument", "instrument 'synth-robot' cannot serve the measure step");
    }
}
