using AutoLab.Contracts;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;
using AutoLab.Simulators.Ring.Instrument;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Simulators.Tests.Ring;

/// <summary>Registered with one line, the ring serves measure commands through the instrument host; the host enforces its supply limits.</summary>
public sealed class HostedRingInstrumentTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("autolab-ring-").FullName;
    private ServiceProvider _services = null!;

    private InstrumentHost Host => _services.GetRequiredService<InstrumentHost>();

    public Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddAutoLabInstruments(r => r.AddRingInstrument(options: new RingSimulatorOptions { Evaluation = RingInstrumentTests.Quick }))
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private MeasureSample Measure(ParameterPoint point) => new()
    {
        CampaignId = Guid.NewGuid(),
        ExperimentId = Guid.NewGuid(),
        IdempotencyKey = $"{Guid.NewGuid():N}/measure",
        Timestamp = DateTimeOffset.UnixEpoch,
        Instrument = RingRegistryExtensions.DefaultName,
        Parameters = point,
        DataDirectory = _data,
    };

    [Fact]
    public async Task A_measure_command_returns_the_dynamic_aperture()
    {
        StepOutcome<MeasurementCompleted> outcome = await Host.MeasureAsync(Measure(RingInstrumentTests.Point()), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Fault?.Reason);
        Assert.True(outcome.Result!.Readings[RingReadingKeys.DynamicApertureArea] > 1.0);
        Assert.Equal(1.0, outcome.Result.Readings[RingReadingKeys.Stable]);
    }

    [Fact]
    public async Task A_setting_beyond_a_power_supply_limit_is_refused_by_the_envelope()
    {
        StepOutcome<MeasurementCompleted> outcome = await Host.MeasureAsync(Measure(RingInstrumentTests.Point(sh1: 200.0)), CancellationToken.None);

        Assert.Equal((StepFaultKind.Refused, false), (outcome.Fault!.Kind, outcome.Fault.Retryable));
        Assert.Contains("parameter 'k2_sh1' = 200 is above the safety limit 150 (1/m^3)", outcome.Fault.Reason, StringComparison.Ordinal);
    }
}
