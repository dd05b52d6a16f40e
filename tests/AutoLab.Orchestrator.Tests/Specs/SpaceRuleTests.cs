using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>Rules on the search space, each reported at the field it concerns.</summary>
public class SpaceRuleTests
{
    [Fact]
    public void Lower_bound_not_below_upper_is_reported_at_the_bounds()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: x1, type: continuous, bounds: [10, 5]}\n"));

        Assert.Equal(new SpecError(2, 42, "space[0].bounds", "lower bound 10 is not below upper bound 5"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void Equal_bounds_are_not_a_range()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: x1, type: continuous, bounds: [2, 2]}\n"));

        SpecAssert.HasError(result, 2, 42, "space[0].bounds", "lower bound 2 is not below upper bound 2");
    }

    [Fact]
    public void Infinite_bounds_are_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: x1, type: continuous, bounds: [0, .inf]}\n"));

        SpecAssert.HasError(result, 2, 42, "space[0].bounds", "bounds must be finite numbers, found [0, .inf]");
    }

    [Fact]
    public void Integer_bounds_must_be_whole_numbers()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: n, type: integer, bounds: [1, 7.5]}\n"));

        SpecAssert.HasError(result, 2, 38, "space[0].bounds", "an integer parameter needs whole-number bounds, found [1, 7.5]");
    }

    [Fact]
    public void A_categorical_parameter_needs_choices()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: x1, type: continuous, bounds: [0, 1]}\n  - {name: s, type: categorical, choices: []}\n"));

        Assert.Equal(new SpecError(3, 43, "space[1].choices", "a categorical parameter needs at least one choice"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_repeated_choice_is_reported_at_the_repetition()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: s, type: categorical, choices: [water, ethanol, water]}\n"));

        Assert.Equal(new SpecError(2, 60, "space[0].choices[2]", "choice 'water' appears more than once"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_parameter_name_used_twice_points_back_to_the_first()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: x1, type: continuous, bounds: [0, 1]}\n  - {name: x1, type: integer, bounds: [0, 4]}\n"));

        Assert.Equal(new SpecError(3, 12, "space[1].name", "parameter 'x1' is already defined in space[0] (line 2)"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_parameter_name_with_spaces_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: my x, type: continuous, bounds: [0, 1]}\n"));

        SpecAssert.HasError(result, 2, 12, "space[0].name", "parameter name 'my x' must start with a letter or '_'");
    }

    [Fact]
    public void An_empty_space_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space: []\n"));

        SpecAssert.HasError(result, 1, 8, "space", "the search space needs at least one parameter");
    }

    [Fact]
    public void An_empty_choice_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With("space:\n  - {name: s, type: categorical, choices: [a, \"\"]}\n"));

        Assert.Equal(new SpecError(2, 47, "space[0].choices[1]", "a choice must not be empty"), SpecAssert.SingleError(result));
    }
}
