using AutoLab.Contracts.Instruments;
using AutoLab.Instruments.Tests.Doubles;

namespace AutoLab.Instruments.Tests.Bus;

/// <summary>An instrument with capacity 1 measures one sample at a time, however many commands are queued.</summary>
public sealed class When_commands_exceed_an_instruments_capacity : IAsyncLifetime
{
    private readonly DeviceLog _log = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TemporaryDirectory _data = new();
    private InstrumentBus _bus = null!;

    public async Task InitializeAsync() =>
        _bus = await InstrumentBus.StartAsync(r => r.Register(HostFactory.Recording("xrd", _log, new DeviceBehaviour { TriggerGate = _gate.Task })));

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Should_run_one_measurement_at_a_time()
    {
        for (var i = 0; i < 4; i++)
        {
            await _bus.SendAsync("xrd", Commands.Measure("xrd", $"exp-{i}/measure", dataDirectory: _data.Path));
        }

        await _log.WaitForTriggersAsync(1);
        Assert.Equal(1, _log.Active);
        _gate.SetResult();
        await _bus.WaitForConsumedAsync<MeasureSample>(4);

        Assert.Equal(4, _log.Count("trigger"));
        Assert.Equal(1, _log.MaxActive);
        Assert.Equal(4, _bus.Published<MeasurementCompleted>().Count);
    }
}
