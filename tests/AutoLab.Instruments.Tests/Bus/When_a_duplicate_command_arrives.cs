using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;
using AutoLab.Instruments.Tests.Doubles;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Instruments.Tests.Bus;

/// <summary>A command re-delivered with the same idempotency key is measured once; every copy gets the same answer.</summary>
public sealed class When_a_duplicate_command_arrives : IAsyncLifetime
{
    private readonly DeviceLog _log = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly EnteringIdempotencyStore _store = new();
    private readonly TemporaryDirectory _data = new();
    private InstrumentBus _bus = null!;

    public async Task InitializeAsync() =>
        _bus = await InstrumentBus.StartAsync(
            r => r
                .Register(HostFactory.Recording("xrd", _log))
                .Register(HostFactory.Recording("slow", _log, new DeviceBehaviour { TriggerGate = _gate.Task }, capacity: 2))
                .Register(HostFactory.Recording("flaky", _log, new DeviceBehaviour { ThrowIn = "read" })),
            services => services.AddSingleton<IIdempotencyStore>(_store));

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Should_execute_once_and_republish_the_same_result()
    {
        var command = Commands.Measure("xrd", "exp-1/measure", dataDirectory: _data.Path);

        await _bus.SendAsync("xrd", command);
        await _bus.WaitForConsumedAsync<MeasureSample>(1);
        await _bus.SendAsync("xrd", command with { Attempt = 2 });
        await _bus.WaitForConsumedAsync<MeasureSample>(2);

        Assert.Equal(1, _log.Count("trigger"));
        var published = _bus.Published<MeasurementCompleted>();
        Assert.Equal(2, published.Count);
        Assert.Equal(published[0].Timestamp, published[1].Timestamp);
        Assert.Equal(published[0].Readings, published[1].Readings);
        Assert.Equal(published[0].DurationSeconds, published[1].DurationSeconds);
    }

    [Fact]
    public async Task Should_make_a_concurrent_duplicate_wait_for_the_first_outcome()
    {
        var command = Commands.Measure("slow", "exp-2/measure", dataDirectory: _data.Path);

        await _bus.SendAsync("slow", command);
        await _bus.SendAsync("slow", command);
        await _log.WaitForTriggersAsync(1);
        await _store.WaitForEntriesAsync(2);
        _gate.SetResult();
        await _bus.WaitForConsumedAsync<MeasureSample>(2);

        Assert.Equal(1, _log.Count("trigger"));
        var published = _bus.Published<MeasurementCompleted>();
        Assert.Equal(2, published.Count);
        Assert.Equal(published[0].Timestamp, published[1].Timestamp);
    }

    [Fact]
    public async Task Should_run_a_failed_command_again_when_it_is_retried()
    {
        var command = Commands.Measure("flaky", "exp-3/measure", dataDirectory: _data.Path);

        await _bus.SendAsync("flaky", command);
        await _bus.WaitForConsumedAsync<MeasureSample>(1);
        await _bus.SendAsync("flaky", command with { Attempt = 2 });
        await _bus.WaitForConsumedAsync<MeasureSample>(2);

        Assert.Equal(2, _log.Count("trigger"));
        Assert.Equal([1, 2], _bus.Published<StepFaulted>().Select(f => f.Attempt).Order());
    }

    [Fact]
    public async Task Should_execute_commands_with_different_keys_separately()
    {
        await _bus.SendAsync("xrd", Commands.Measure("xrd", "exp-4/measure", dataDirectory: _data.Path));
        await _bus.SendAsync("xrd", Commands.Measure("xrd", "exp-5/measure", dataDirectory: _data.Path));
        await _bus.WaitForConsumedAsync<MeasureSample>(2);

        Assert.Equal(2, _log.Count("trigger"));
    }
}
