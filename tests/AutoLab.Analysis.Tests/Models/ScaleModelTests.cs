using AutoLab.Analysis.Models;
using AutoLab.Analysis.Pipeline;

namespace AutoLab.Analysis.Tests.Models;

/// <summary>The scale model converts units: target = factor · source + offset, uncertainty × |factor|.</summary>
public class ScaleModelTests
{
    private readonly ScaleModel model = new();

    [Fact]
    public void An_earlier_objective_is_converted_in_place_with_its_uncertainty()
    {
        AnalysisInput input = new()
        {
            Objectives = ["energy"],
            Readings = new Dictionary<string, double> { ["energy"] = 999 },
            Previous = new AnalysisResult
            {
                Objectives = new Dictionary<string, double> { ["energy"] = 8048 },
                Uncertainties = new Dictionary<string, double> { ["energy"] = 20 },
            },
        };

        AnalysisResult result = model.Apply(input, new Dictionary<string, string> { ["source"] = "energy", ["factor"] = "-1e-3" });

        Assert.Equal(-8.048, result.Objectives["energy"], 12);
        Assert.Equal(0.02, result.Uncertainties["energy"], 12);
    }

    [Fact]
    public void A_reading_can_be_scaled_into_a_new_objective()
    {
        AnalysisInput input = new() { Readings = new Dictionary<string, double> { ["temperature_c"] = 25 } };

        AnalysisResult result = model.Apply(input, new Dictionary<string, string>
        {
            ["source"] = "temperature_c",
            ["target"] = "temperature_k",
            ["offset"] = "273.15",
        });

        Assert.Equal(298.15, result.Objectives["temperature_k"], 12);
        Assert.Empty(result.Uncertainties);
    }

    [Fact]
    public void A_missing_source_is_named()
    {
        AnalysisException error = Assert.Throws<AnalysisException>(
            () => model.Apply(new AnalysisInput(), new Dictionary<string, string> { ["source"] = "energy" }));

        Assert.Equal("source 'energy' is neither an objective of an earlier stage nor a reading of the measurement", error.Message);
    }

    [Theory]
    [InlineData("factor", "two", "option 'factor' of model 'scale' must be a finite number; got 'two'")]
    [InlineData("offset", "NaN", "option 'offset' of model 'scale' must be a finite number; got 'NaN'")]
    public void A_bad_number_is_refused(string option, string value, string expected)
    {
        AnalysisInput input = new() { Readings = new Dictionary<string, double> { ["x"] = 1 } };

        AnalysisException error = Assert.Throws<AnalysisException>(
            () => model.Apply(input, new Dictionary<string, string> { ["source"] = "x", [option] = value }));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void The_source_option_is_required()
    {
        AnalysisException error = Assert.Throws<AnalysisException>(() => model.Apply(new AnalysisInput(), new Dictionary<string, string>()));

        Assert.Equal("model 'scale' needs option 'source'", error.Message);
    }
}
