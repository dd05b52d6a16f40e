using AutoLab.ActiveLearning.Space;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Space;

/// <summary>Linear constraints are checked against the space up front and evaluated as Σ c·x ≤ b.</summary>
public class ConstraintSetTests
{
    private static readonly LinearConstraint SumAtMostOne = new()
    {
        Coefficients = new Dictionary<string, double> { ["x0"] = 1, ["x1"] = 1 },
        UpperBound = 1,
        Label = "fractions sum to at most 1",
    };

    private static ParameterPoint Point(double x0, double x1) =>
        new() { Values = new Dictionary<string, double> { ["x0"] = x0, ["x1"] = x1 } };

    [Theory]
    [InlineData(0.2, 0.3, true)]
    [InlineData(0.5, 0.5, true)]
    [InlineData(0.6, 0.5, false)]
    public void A_point_satisfies_a_constraint_when_the_weighted_sum_is_at_most_the_bound(double x0, double x1, bool expected)
    {
        ConstraintSet constraints = new([SumAtMostOne], UnitCube(2));

        Assert.Equal(expected, constraints.IsSatisfiedBy(Point(x0, x1)));
    }

    [Fact]
    public void A_constraint_without_a_label_is_described_by_its_formula()
    {
        LinearConstraint unlabeled = SumAtMostOne with { Label = "", Coefficients = new Dictionary<string, double> { ["x0"] = 2, ["x1"] = -0.5 } };

        Assert.Equal("2*x0 + -0.5*x1 <= 1", new ConstraintSet([unlabeled], UnitCube(2)).Describe(0));
    }

    [Fact]
    public void A_constraint_on_an_unknown_parameter_is_refused()
    {
        LinearConstraint typo = SumAtMostOne with { Coefficients = new Dictionary<string, double> { ["x9"] = 1 } };

        SuggestionException error = Assert.Throws<SuggestionException>(() => new ConstraintSet([typo], UnitCube(2)));

        Assert.Contains("constraint #1 ('fractions sum to at most 1') names unknown parameter 'x9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constraint_on_a_categorical_parameter_is_refused()
    {
        LinearConstraint onChoice = SumAtMostOne with { Coefficients = new Dictionary<string, double> { ["solvent"] = 1 } };

        SuggestionException error = Assert.Throws<SuggestionException>(() => new ConstraintSet([onChoice], Mixed()));

        Assert.Contains("uses categorical parameter 'solvent'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_bound_is_refused()
    {
        SuggestionException error = Assert.Throws<SuggestionException>(
            () => new ConstraintSet([SumAtMostOne with { UpperBound = double.NaN }], UnitCube(2)));

        Assert.Contains("upper bound must be finite", error.Message, StringComparison.Ordinal);
    }
}
