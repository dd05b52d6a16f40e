using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;

namespace AutoLab.Instruments.Tests.Hosting;

/// <summary>The safety envelope refuses points outside its limits with a message naming instrument, parameter, value and limit.</summary>
public sealed class SafetyEnvelopeTests
{
    private static readonly SafetyEnvelope RingPsu = new(
        "ring-psu",
        [new EnvelopeLimit { Instrument = "ring-psu", Parameter = "k2_sf", Minimum = -600, Maximum = 600 }],
        new Dictionary<string, string> { ["k2_sf"] = "1/m^3" });

    private static ParameterPoint Point(params (string Name, double Value)[] values) =>
        new() { Values = values.ToDictionary(v => v.Name, v => v.Value) };

    [Fact]
    public void A_value_above_the_limit_is_refused_with_instrument_parameter_value_limit_and_unit()
    {
        var result = RingPsu.Check(Point(("k2_sf", 812.5)));

        Assert.False(result.IsAllowed);
        Assert.Equal("instrument 'ring-psu': parameter 'k2_sf' = 812.5 is above the safety limit 600 (1/m^3)", result.Reason);
    }

    [Fact]
    public void A_value_below_the_limit_is_refused()
    {
        var result = RingPsu.Check(Point(("k2_sf", -600.5)));

        Assert.False(result.IsAllowed);
        Assert.Equal("instrument 'ring-psu': parameter 'k2_sf' = -600.5 is below the safety limit -600 (1/m^3)", result.Reason);
    }

    [Theory]
    [InlineData(-600)]
    [InlineData(0)]
    [InlineData(600)]
    public void Values_on_or_inside_the_limits_are_allowed(double value)
    {
        Assert.True(RingPsu.Check(Point(("k2_sf", value))).IsAllowed, "limits are inclusive");
    }

    [Fact]
    public void A_constrained_parameter_that_is_missing_is_refused()
    {
        var result = RingPsu.Check(Point(("k1", 1.0)));

        Assert.False(result.IsAllowed);
        Assert.Contains("parameter 'k2_sf' is missing", result.Reason, StringComparison.Ordinal);
        Assert.Contains("[-600, 600]", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Non_finite_values_are_refused_even_when_unconstrained(double value, string shown)
    {
        var result = RingPsu.Check(Point(("k2_sf", 0), ("other", value)));

        Assert.False(result.IsAllowed);
        Assert.Equal($"instrument 'ring-psu': parameter 'other' = {shown} is not a finite number", result.Reason);
    }

    [Fact]
    public void Every_violation_is_listed()
    {
        var envelope = new SafetyEnvelope("psu", [
            new EnvelopeLimit { Instrument = "psu", Parameter = "a", Maximum = 1 },
            new EnvelopeLimit { Instrument = "psu", Parameter = "b", Minimum = 0 },
        ]);

        var result = envelope.Check(Point(("a", 2), ("b", -1)));

        Assert.Equal("instrument 'psu': parameter 'a' = 2 is above the safety limit 1; parameter 'b' = -1 is below the safety limit 0", result.Reason);
    }

    [Fact]
    public void A_limit_naming_another_instrument_is_rejected_when_the_envelope_is_built()
    {
        var error = Assert.Throws<ArgumentException>(() => new SafetyEnvelope("psu", [new EnvelopeLimit { Instrument = "xrd", Parameter = "a", Maximum = 1 }]));

        Assert.Contains("names instrument 'xrd'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_with_minimum_above_maximum_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new SafetyEnvelope("psu", [new EnvelopeLimit { Instrument = "psu", Parameter = "a", Minimum = 2, Maximum = 1 }]));

        Assert.Contains("minimum 2 above maximum 1", error.Message, StringComparison.Ordinal);
    }
}
