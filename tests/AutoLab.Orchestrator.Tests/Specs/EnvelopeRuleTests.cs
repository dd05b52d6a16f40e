using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>Rules on the spec's own safety limits: a mistake there would silently disable a limit, so each is an error.</summary>
public class EnvelopeRuleTests
{
    [Fact]
    public void A_minimum_above_the_maximum_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("envelope:\n  test-functions: {x1: [5, 1]}\n"));

        Assert.Equal(new SpecError(2, 24, "envelope.test-functions.x1", "min 5 is above max 1"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_limit_for_an_unknown_parameter_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("envelope:\n  test-functions:\n    temperature: [0, 100]\n"));

        SpecAssert.HasError(result, 3, 18, "envelope.test-functions.temperature", "unknown parameter 'temperature'; numeric parameters are: x1, x2");
    }

    [Fact]
    public void A_limit_for_an_instrument_no_step_uses_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("envelope:\n  test-functons: {x1: [0, 1]}\n"));

        Assert.Equal(
            new SpecError(2, 3, "envelope.test-functons", "no step uses instrument 'test-functons', so its limits would never apply; did you mean 'test-functions'?"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_one_sided_limit_is_allowed()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("envelope:\n  test-functions: {x1: [-.inf, 0.5]}\n"));

        CampaignPlan plan = SpecAssert.Valid(result);
        Assert.Contains(plan.Envelope, l => l.Parameter == "x1" && double.IsNegativeInfinity(l.Minimum) && l.Maximum == 0.5);
    }

    [Fact]
    public void A_limit_on_a_categorical_parameter_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(
            "space:\n  - {name: x1, type: continuous, bounds: [0, 1]}\n  - {name: s, type: categorical, choices: [a, b]}\nenvelope:\n  test-functions: {s: [0, 1]}\n"));

        Assert.Equal(
            new SpecError(5, 23, "envelope.test-functions.s", "'s' is a categorical parameter; only continuous and integer parameters can be used here"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_limit_that_is_not_a_number_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("envelope:\n  test-functions: {x1: [.nan, 1]}\n"));

        Assert.Equal(new SpecError(2, 24, "envelope.test-functions.x1", "limits must be numbers, not .nan"), SpecAssert.SingleError(result));
    }
}
