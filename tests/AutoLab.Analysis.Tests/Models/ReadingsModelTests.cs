using AutoLab.Analysis.Models;
using AutoLab.Analysis.Pipeline;

namespace AutoLab.Analysis.Tests.Models;

/// <summary>The readings model maps measurement readings to objectives, with renames and uncertainties.</summary>
public class ReadingsModelTests
{
    private readonly ReadingsModel model = new();

    private static AnalysisInput Input(Dictionary<string, double> readings, params string[] objectives) =>
        new() { Readings = readings, Objectives = objectives };

    private static Dictionary<string, string> Options(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void By_default_an_objective_is_the_reading_of_the_same_name()
    {
        AnalysisResult result = model.Apply(Input(new() { ["yield"] = 0.82, ["temperature"] = 512 }, "yield"), Options());

        Assert.Equal(new Dictionary<string, double> { ["yield"] = 0.82 }, result.Objectives);
        Assert.Empty(result.Uncertainties);
    }

    [Fact]
    public void The_map_option_renames_readings_to_objectives()
    {
        AnalysisInput input = Input(new() { ["branin_value"] = 0.4, ["loss"] = 3.5, ["extra"] = 1 }, "y", "f2");

        AnalysisResult result = model.Apply(input, Options(("map", "y=branin_value, f2 = loss")));

        Assert.Equal(new Dictionary<string, double> { ["y"] = 0.4, ["f2"] = 3.5 }, result.Objectives);
    }

    [Fact]
    public void A_reading_with_the_sd_suffix_becomes_the_uncertainty()
    {
        AnalysisInput input = Input(new() { ["branin_value"] = 0.4, ["branin_value_sd"] = 0.05 }, "y");

        AnalysisResult result = model.Apply(input, Options(("map", "y=branin_value")));

        Assert.Equal(0.05, result.Uncertainties["y"]);
    }

    [Fact]
    public void The_sd_suffix_option_changes_where_uncertainty_is_read()
    {
        AnalysisInput input = Input(new() { ["gap"] = 1.9, ["gap_sd"] = 9, ["gap_err"] = 0.1 }, "gap");

        AnalysisResult result = model.Apply(input, Options(("sd_suffix", "_err")));

        Assert.Equal(0.1, result.Uncertainties["gap"]);
    }

    [Fact]
    public void Without_objectives_or_map_every_reading_but_uncertainties_becomes_an_objective()
    {
        AnalysisResult result = model.Apply(Input(new() { ["a"] = 1, ["a_sd"] = 0.1, ["b"] = 2 }), Options());

        Assert.Equal(new Dictionary<string, double> { ["a"] = 1, ["b"] = 2 }, result.Objectives);
        Assert.Equal(0.1, result.Uncertainties["a"]);
    }

    [Fact]
    public void A_mapped_reading_that_is_missing_is_named_with_the_readings_present()
    {
        AnalysisException error = Assert.Throws<AnalysisException>(
            () => model.Apply(Input(new() { ["loss"] = 1, ["energy"] = 2 }, "y"), Options(("map", "y=branin_value"))));

        Assert.Equal("reading 'branin_value' (for objective 'y') is not in the measurement; readings: energy, loss", error.Message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void A_reading_that_is_not_finite_is_refused(double value, string shown)
    {
        AnalysisException error = Assert.Throws<AnalysisException>(() => model.Apply(Input(new() { ["y"] = value }, "y"), Options()));

        Assert.Equal($"reading 'y' (for objective 'y') is {shown}, not a finite number", error.Message);
    }

    [Fact]
    public void A_negative_uncertainty_is_refused()
    {
        AnalysisException error = Assert.Throws<AnalysisException>(() => model.Apply(Input(new() { ["y"] = 1, ["y_sd"] = -0.2 }, "y"), Options()));

        Assert.Contains("reading 'y_sd' (uncertainty of objective 'y') is negative", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("y", "option 'map': entry 'y' must look like objective=reading")]
    [InlineData("y=a=b", "option 'map': entry 'y=a=b' must look like objective=reading")]
    [InlineData("y=a,y=b", "option 'map': objective 'y' is mapped more than once")]
    public void A_malformed_map_is_refused(string map, string expected)
    {
        AnalysisException error = Assert.Throws<AnalysisException>(() => model.Apply(Input(new() { ["a"] = 1 }, "y"), Options(("map", map))));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void An_unknown_option_is_refused_with_the_known_ones()
    {
        AnalysisException error = Assert.Throws<AnalysisException>(() => model.Apply(Input(new() { ["y"] = 1 }, "y"), Options(("mapping", "y=a"))));

        Assert.Equal("unknown option 'mapping' for model 'readings'; known options: map, sd_suffix", error.Message);
    }
}
