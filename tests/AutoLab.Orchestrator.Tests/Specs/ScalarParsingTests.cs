using AutoLab.Orchestrator.Specs;
using AutoLab.Orchestrator.Specs.Parsing;

namespace AutoLab.Orchestrator.Tests.Specs;

/// <summary>The scalar forms the spec accepts: durations, YAML numbers, and the edit-distance suggestions.</summary>
public class ScalarParsingTests
{
    [Theory]
    [InlineData("250ms", 0.25)]
    [InlineData("30s", 30.0)]
    [InlineData("5m", 300.0)]
    [InlineData("2h", 7200.0)]
    [InlineData("1.5", 1.5)]
    [InlineData("45", 45.0)]
    [InlineData("0.5h", 1800.0)]
    [InlineData("-1s", -1.0)]
    public void Durations_read_with_their_unit_or_as_seconds(string text, double seconds)
    {
        Assert.True(YamlScalars.TryDuration(text, out TimeSpan value));
        Assert.Equal(seconds, value.TotalSeconds, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("5 minutes")]
    [InlineData("1d")]
    [InlineData("1h30m")]
    [InlineData("PT5M")]
    public void Other_duration_forms_are_refused(string text)
    {
        Assert.False(YamlScalars.TryDuration(text, out _));
    }

    [Theory]
    [InlineData("1e3", 1000.0)]
    [InlineData("-.5", -0.5)]
    [InlineData("+2", 2.0)]
    [InlineData(".inf", double.PositiveInfinity)]
    [InlineData("-.Inf", double.NegativeInfinity)]
    public void Yaml_floats_are_read(string text, double expected)
    {
        Assert.True(YamlScalars.TryNumber(text, out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    [InlineData("0x10")]
    [InlineData("ten")]
    public void Non_yaml_numbers_are_refused(string text)
    {
        Assert.False(YamlScalars.TryNumber(text, out _));
    }

    [Theory]
    [InlineData("batchsize", "batch_size")]
    [InlineData("Budget", "budget")]
    [InlineData("stratgy", "strategy")]
    [InlineData("colour", null)]
    public void Suggestions_allow_about_one_edit_per_three_characters(string name, string? expected)
    {
        Assert.Equal(expected, NameSuggester.Suggest(name, ["batch_size", "budget", "strategy", "steps"]));
    }
}
