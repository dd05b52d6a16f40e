using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>One pass reports every problem, from the parser and the rules together, in document order.</summary>
public class MultipleErrorTests
{
    [Fact]
    public void Errors_from_every_section_are_reported_at_once_in_line_order()
    {
        const string yaml = """
            name: many-problems
            budget: 2
            batch_size: 3
            space:
              - {name: x1, type: continuous, bounds: [1, 0]}
              - {name: x2, type: continuous}
            steps:
              measure: {instrument: xrdd, attempts: 0}
            objectives:
              - {name: y, direction: up}
            strategy: sobol
            envelope:
              xrd: {x1: [0, 1]}

            """;

        SpecLoadResult result = SpecYaml.Load(yaml);

        Assert.Equal(
            [
                "3:13 batch_size", "5:42 space[0].bounds", "6:5 space[1].bounds", "8:25 steps.measure.instrument",
                "8:41 steps.measure.attempts", "10:26 objectives[0].direction", "13:3 envelope.xrd",
            ],
            result.Errors.Select(e => $"{e.Line}:{e.Column} {e.Path}"));
        Assert.NotNull(result.Spec);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_spec_built_in_code_reports_errors_without_a_place()
    {
        CampaignSpec spec = new() { Name = " " };

        SpecValidationResult result = SpecValidator.Validate(spec, SpecCatalog.Unchecked);

        Assert.Equal(["name", "budget", "space", "steps.measure", "objectives", "strategy.name"], result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e => Assert.Equal((0, 0), (e.Line, e.Column)));
        Assert.Equal("spec: name: the campaign name must not be empty", SpecErrorFormatter.Format("spec", result.Errors[0]));
    }
}
