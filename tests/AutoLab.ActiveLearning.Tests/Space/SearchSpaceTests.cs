using AutoLab.ActiveLearning.Space;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Space;

/// <summary>
/// The unit-cube mapping every sampler relies on: continuous parameters map linearly, integers and choices
/// get equal shares, and invalid spaces are refused with messages that name the parameter.
/// </summary>
public class SearchSpaceTests
{
    [Theory]
    [InlineData(0.0, 300.0)]
    [InlineData(0.25, 450.0)]
    [InlineData(1.0, 900.0)]
    public void Continuous_parameters_map_linearly(double unit, double expected)
    {
        ParameterPoint point = Mixed().FromUnit([unit, 0, 0]);

        Assert.Equal(expected, point.Values["temperature"], 12);
    }

    [Fact]
    public void Each_integer_gets_an_equal_share_of_the_unit_interval()
    {
        SearchSpace space = new([Integer("cycles", 1, 8)]);
        int[] hits = new int[9];

        // 800 evenly spaced coordinates: an equal share means exactly 100 per integer, ends included.
        for (int i = 0; i < 800; i++)
        {
            double value = space.FromUnit([(i + 0.5) / 800]).Values["cycles"];
            Assert.Equal(Math.Round(value), value);
            hits[(int)value]++;
        }

        Assert.Equal([0, 100, 100, 100, 100, 100, 100, 100, 100], hits);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.1249, 1.0)]
    [InlineData(0.125, 2.0)]
    [InlineData(0.999, 8.0)]
    [InlineData(1.0, 8.0)]
    public void Integer_shares_have_the_expected_edges(double unit, double expected)
    {
        Assert.Equal(expected, Mixed().FromUnit([0, unit, 0]).Values["cycles"]);
    }

    [Theory]
    [InlineData(0.0, "water")]
    [InlineData(0.33, "water")]
    [InlineData(0.34, "ethanol")]
    [InlineData(0.67, "toluene")]
    [InlineData(1.0, "toluene")]
    public void Categorical_parameters_pick_a_choice_by_equal_shares(double unit, string expected)
    {
        ParameterPoint point = Mixed().FromUnit([0, 0, unit]);

        Assert.Equal(expected, point.Choices["solvent"]);
        Assert.False(point.Values.ContainsKey("solvent"), "categorical values travel in Choices only");
    }

    [Fact]
    public void Points_map_back_to_the_middle_of_their_share()
    {
        ParameterPoint point = new()
        {
            Values = new Dictionary<string, double> { ["temperature"] = 600, ["cycles"] = 3.4 },
            Choices = new Dictionary<string, string> { ["solvent"] = "toluene" },
        };

        double[] unit = Mixed().ToUnit(point);

        Assert.Equal(0.5, unit[0], 12);
        Assert.Equal(2.5 / 8, unit[1], 12); // 3.4 rounds to 3, the third of eight integers
        Assert.Equal(2.5 / 3, unit[2], 12);
    }

    [Fact]
    public void A_point_survives_a_round_trip_through_the_unit_cube()
    {
        SearchSpace space = Mixed();
        ParameterPoint point = space.FromUnit([0.3, 0.6, 0.9]);

        ParameterPoint again = space.FromUnit(space.ToUnit(point));

        Assert.Equal(point.Values["temperature"], again.Values["temperature"], 9);
        Assert.Equal(point.Values["cycles"], again.Values["cycles"]);
        Assert.Equal(point.Choices["solvent"], again.Choices["solvent"]);
    }

    [Fact]
    public void A_value_outside_the_bounds_is_refused_with_the_parameter_named()
    {
        ParameterPoint point = new()
        {
            Values = new Dictionary<string, double> { ["temperature"] = 1200, ["cycles"] = 3 },
            Choices = new Dictionary<string, string> { ["solvent"] = "water" },
        };

        ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => Mixed().ToUnit(point));

        Assert.Contains("parameter 'temperature'", error.Message, StringComparison.Ordinal);
        Assert.Contains("[300, 900]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_choice_is_refused_with_the_choices_listed()
    {
        ParameterPoint point = new()
        {
            Values = new Dictionary<string, double> { ["temperature"] = 400, ["cycles"] = 3 },
            Choices = new Dictionary<string, string> { ["solvent"] = "acetone" },
        };

        ArgumentException error = Assert.Throws<ArgumentException>(() => Mixed().ToUnit(point));

        Assert.Contains("'acetone' is not one of its choices (water, ethanol, toluene)", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<ParameterDefinition, string> InvalidParameters => new()
    {
        { Continuous("x", 5, 1), "parameter 'x': lower bound 5 must be below upper bound 1" },
        { Continuous("x", 1, 1), "parameter 'x': lower bound 1 must be below upper bound 1" },
        { Continuous("x", double.NegativeInfinity, 1), "parameter 'x': bounds must be finite" },
        { Continuous("x", 0, double.NaN), "parameter 'x': bounds must be finite" },
        { Integer("n", 0.5, 10), "parameter 'n': integer bounds must be whole numbers, got [0.5, 10]" },
        { Categorical("c"), "parameter 'c': a categorical parameter needs at least one choice" },
        { Categorical("c", "a", "b", "a"), "parameter 'c': choice 'a' is listed more than once" },
        { Continuous("", 0, 1), "parameter #2 has no name" },
    };

    [Theory]
    [MemberData(nameof(InvalidParameters))]
    public void An_invalid_parameter_is_refused_with_a_message_naming_it(ParameterDefinition parameter, string expected)
    {
        SuggestionException error = Assert.Throws<SuggestionException>(() => new SearchSpace([Continuous("ok", 0, 1), parameter]));

        Assert.StartsWith("invalid search space: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_names_and_every_other_problem_are_reported_together()
    {
        SuggestionException error = Assert.Throws<SuggestionException>(
            () => new SearchSpace([Continuous("x", 0, 1), Continuous("x", 0, 1), Continuous("y", 2, 1)]));

        Assert.Contains("parameter name 'x' is used more than once", error.Message, StringComparison.Ordinal);
        Assert.Contains("parameter 'y': lower bound 2 must be below upper bound 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_space_is_refused()
    {
        SuggestionException error = Assert.Throws<SuggestionException>(() => new SearchSpace([]));

        Assert.Equal("invalid search space: the search space has no parameters", error.Message);
    }
}
