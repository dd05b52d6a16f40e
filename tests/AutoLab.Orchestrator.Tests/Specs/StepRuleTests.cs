using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>Rules on steps: measure required, instruments named, time limits and retries sane.</summary>
public class StepRuleTests
{
    [Fact]
    public void A_spec_without_a_measure_step_is_reported_at_the_steps()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  prepare: {instrument: synth-robot}\n"));

        Assert.Equal(new SpecError(2, 3, "steps.measure", "missing required key 'measure' in steps"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_timeout_of_zero_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure: {instrument: test-functions, timeout: 0s}\n"));

        Assert.Equal(new SpecError(2, 50, "steps.measure.timeout", "timeout must be a positive duration, found 0s"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_negative_timeout_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure: {instrument: test-functions, timeout: -5}\n"));

        SpecAssert.HasError(result, 2, 50, "steps.measure.timeout", "timeout must be a positive duration, found -5s");
    }

    [Fact]
    public void Zero_attempts_are_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure:\n    instrument: test-functions\n    attempts: 0\n"));

        Assert.Equal(new SpecError(4, 15, "steps.measure.attempts", "attempts must be at least 1 (1 means no retry), found 0"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_negative_backoff_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure: {instrument: test-functions, backoff: -1s}\n"));

        SpecAssert.HasError(result, 2, 50, "steps.measure.backoff", "backoff must be zero or a positive duration, found -1s");
    }

    [Fact]
    public void A_prepare_step_needs_an_instrument()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  prepare: {timeout: 5s}\n  measure: {instrument: test-functions}\n"));

        Assert.Equal(new SpecError(2, 12, "steps.prepare.instrument", "missing required key 'instrument' in steps.prepare"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void The_analyze_step_needs_no_instrument()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure: {instrument: test-functions}\n  analyze: {timeout: 30s, attempts: 2}\n"));

        SpecAssert.Valid(result);
    }

    [Fact]
    public void A_blank_instrument_name_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("steps:\n  measure: {instrument: \" \"}\n"));

        Assert.Equal(new SpecError(2, 25, "steps.measure.instrument", "the instrument name must not be empty"), SpecAssert.SingleError(result));
    }
}
