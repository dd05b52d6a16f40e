using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;
using AutoLab.Instruments.Tests.Doubles;

namespace AutoLab.Instruments.Tests.Bus;

/// <summary>A reading with NaN is not passed on as a measurement: the step faults with BadOutput.</summary>
public sealed class When_a_device_returns_garbage : IAsyncLifetime
{
    private readonly DeviceLog _log = new();
    private InstrumentBus _bus = null!;

    public async Task InitializeAsync()
    {
        var garbage = new DeviceBehaviour { Reading = new DeviceReading { Values = new Dictionary<string, double> { ["y"] = 2, ["intensity"] = double.NaN } } };
        _bus = await InstrumentBus.StartAsync(r => r.Register(HostFactory.Recording("xrd", _log, garbage)));
    }

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task Should_publish_bad_output_naming_the_reading_and_no_measurement()
    {
        await _bus.SendAsync("xrd", Commands.Measure("xrd", "m1"));

        await _bus.WaitForConsumedAsync<MeasureSample>(1);
        var fault = Assert.Single(_bus.Published<StepFaulted>());
        Assert.Equal(StepFaultKind.BadOutput, fault.Kind);
        Assert.Contains("'intensity' = NaN", fault.Reason, StringComparison.Ordinal);
        Assert.Empty(_bus.Published<MeasurementCompleted>());
    }
}
