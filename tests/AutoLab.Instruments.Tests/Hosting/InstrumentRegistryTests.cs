using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;
using AutoLab.Instruments.Tests.Doubles;

namespace AutoLab.Instruments.Tests.Hosting;

/// <summary>The registry finds instruments by exact name and rejects duplicates and invalid descriptors with clear messages.</summary>
public sealed class InstrumentRegistryTests
{
    private readonly DeviceLog _log = new();

    [Fact]
    public void Instruments_are_listed_in_registration_order_with_their_capabilities()
    {
        var registry = new InstrumentRegistry()
            .Register(HostFactory.Recording("robot", _log, capabilities: InstrumentCapabilities.Prepare))
            .Register(HostFactory.Recording("xrd", _log, capabilities: InstrumentCapabilities.Measure, capacity: 2));

        Assert.Equal(["robot", "xrd"], registry.Instruments.Select(i => i.Name));
        Assert.Equal([InstrumentCapabilities.Prepare, InstrumentCapabilities.Measure], registry.Instruments.Select(i => i.Capabilities));
        Assert.Equal(2, registry.Get("xrd").Capacity);
    }

    [Fact]
    public void A_duplicate_name_is_rejected()
    {
        var registry = new InstrumentRegistry().Register(HostFactory.Recording("xrd", _log));

        var error = Assert.Throws<InvalidOperationException>(() => registry.Register(HostFactory.Recording("xrd", _log)));

        Assert.Equal("instrument 'xrd' is already registered; instrument names must be unique", error.Message);
    }

    [Fact]
    public void Names_are_case_sensitive_and_an_unknown_name_lists_the_registered_ones()
    {
        var registry = new InstrumentRegistry().Register(HostFactory.Recording("xrd", _log));

        Assert.False(registry.Contains("XRD"));
        var error = Assert.Throws<KeyNotFoundException>(() => registry.Get("XRD"));
        Assert.Equal("instrument 'XRD' is not registered here; registered: xrd (names are case-sensitive)", error.Message);
    }

    [Fact]
    public void The_envelope_of_an_instrument_holds_its_limits()
    {
        var registry = new InstrumentRegistry().Register(HostFactory.Recording("psu", _log, envelope: [HostFactory.Limit("psu", "k", -1, 1)]));

        var envelope = registry.EnvelopeFor("psu");

        Assert.Equal("psu", envelope.Instrument);
        Assert.Equal(1, Assert.Single(envelope.Limits).Maximum);
    }

    [Theory]
    [InlineData("", "instrument name is empty")]
    [InlineData("has space", "instrument name 'has space' is invalid")]
    [InlineData("a/b", "instrument name 'a/b' is invalid")]
    public void Invalid_names_are_rejected(string name, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new InstrumentRegistry().Register(HostFactory.Recording(name, _log)));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capacity_below_one_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new InstrumentRegistry().Register(HostFactory.Recording("xrd", _log, capacity: 0)));

        Assert.StartsWith("instrument 'xrd': capacity must be at least 1, not 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_envelope_limit_for_another_instrument_is_rejected()
    {
        EnvelopeLimit[] limits = [HostFactory.Limit("other", "k", 0, 1)];

        var error = Assert.Throws<ArgumentException>(() => new InstrumentRegistry().Register(HostFactory.Recording("psu", _log, envelope: limits)));

        Assert.Contains("names instrument 'other' but is registered for instrument 'psu'", error.Message, StringComparison.Ordinal);
    }
}
