using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>Rules on linear constraints: they must name numeric parameters and be satisfiable within the bounds.</summary>
public class ConstraintRuleTests
{
    private const string Space = "space:\n  - {name: x1, type: continuous, bounds: [0, 10]}\n  - {name: x2, type: continuous, bounds: [0, 10]}\n  - {name: s, type: categorical, choices: [a, b]}\n";

    [Fact]
    public void A_valid_constraint_compiles_into_the_plan()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(Space + "constraints:\n  - {label: sum, coefficients: {x1: 1, x2: 1}, upper: 12}\n"));

        CampaignPlan plan = SpecAssert.Valid(result);
        Assert.Equal(12, Assert.Single(plan.Constraints).UpperBound);
        Assert.Equal(new Dictionary<string, double> { ["x1"] = 1, ["x2"] = 1 }, Assert.Single(plan.Constraints).Coefficients);
    }

    [Fact]
    public void A_coefficient_for_an_unknown_parameter_suggests_a_numeric_one()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(Space + "constraints:\n  - {coefficients: {x1: 1, x3: 1}, upper: 12}\n"));

        Assert.Equal(new SpecError(6, 28, "constraints[0].coefficients.x3", "unknown parameter 'x3'; did you mean 'x1'?"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_coefficient_for_a_categorical_parameter_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(Space + "constraints:\n  - {coefficients: {s: 1}, upper: 1}\n"));

        SpecAssert.HasError(result, 6, 21, "constraints[0].coefficients.s", "'s' is a categorical parameter");
    }

    [Fact]
    public void A_constraint_needs_a_coefficient()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(Space + "constraints:\n  - {coefficients: {}, upper: 1}\n"));

        SpecAssert.HasError(result, 6, 20, "constraints[0].coefficients", "a constraint needs at least one coefficient");
    }

    [Fact]
    public void A_constraint_no_point_in_the_bounds_can_meet_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(Space + "constraints:\n  - {label: too tight, coefficients: {x1: 1, x2: -1}, upper: -11}\n"));

        Assert.Equal(
            new SpecError(6, 5, "constraints[0]", "constraint 'too tight' can never be met: its smallest value within the parameter bounds is -10, above upper -11"),
            SpecAssert.SingleError(result));
    }

    [Fact]
    public void A_constraint_without_upper_is_reported_at_the_constraint()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(Space + "constraints:\n  - {coefficients: {x1: 1}}\n"));

        Assert.Equal(new SpecError(6, 5, "constraints[0].upper", "missing required key 'upper' in constraints[0]"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_infinite_coefficient_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(Space + "constraints:\n  - {coefficients: {x1: .inf}, upper: 1}\n"));

        Assert.Equal(new SpecError(6, 21, "constraints[0].coefficients.x1", "coefficient of 'x1' must be a finite number, found .inf"), SpecAssert.SingleError(result));
    }

    [Fact]
    public void An_infinite_upper_bound_is_reported()
    {
        SpecLoadResult result = SpecYaml.Load(SpecYaml.With(Space + "constraints:\n  - {coefficients: {x1: 1}, upper: .inf}\n"));

        Assert.Equal(new SpecError(6, 36, "constraints[0].upper", "upper must be a finite number, found .inf"), SpecAssert.SingleError(result));
    }
}
