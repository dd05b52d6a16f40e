using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;
using AutoLab.Instruments.Tests.Doubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoLab.Instruments.Tests.Hosting;

/// <summary>
/// A transport may keep delivering queued commands while the process stops; the host answers them at once
/// instead of starting device work that would run to its time limit.
/// </summary>
public sealed class When_the_application_is_stopping : IAsyncLifetime
{
    private readonly DeviceLog _log = new();
    private readonly StoppableLifetime _lifetime = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TemporaryDirectory _data = new();
    private ServiceProvider _services = null!;

    private InstrumentHost Host => _services.GetRequiredService<InstrumentHost>();

    public Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddSingleton<IHostApplicationLifetime>(_lifetime)
            .AddAutoLabInstruments(r => r.Register(HostFactory.Recording("xrd", _log, new DeviceBehaviour { TriggerGate = _gate.Task })))
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _gate.TrySetResult();
        await _services.DisposeAsync();
        _lifetime.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Should_answer_a_new_command_unavailable_without_touching_the_device()
    {
        _lifetime.StopApplication();

        var outcome = await Host.MeasureAsync(Commands.Measure("xrd", "k1", dataDirectory: _data.Path), CancellationToken.None);

        Assert.Equal((StepFaultKind.Unavailable, true), (outcome.Fault!.Kind, outcome.Fault.Retryable));
        Assert.Equal("instrument 'xrd' is shutting down; the measure step was not started", outcome.Fault.Reason);
        Assert.Empty(_log.Calls);
    }

    [Fact]
    public async Task Should_answer_a_command_waiting_for_a_lease_unavailable()
    {
        var running = Host.MeasureAsync(Commands.Measure("xrd", "k1", dataDirectory: _data.Path), CancellationToken.None);
        await _log.WaitForTriggersAsync(1);
        var waiting = Host.MeasureAsync(Commands.Measure("xrd", "k2", dataDirectory: _data.Path), CancellationToken.None);

        _lifetime.StopApplication();

        var outcome = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(StepFaultKind.Unavailable, outcome.Fault!.Kind);
        Assert.False(running.IsCompleted, "the operation already on the device is left to the transport's consumer stop timeout");
        _gate.SetResult();
        Assert.True((await running.WaitAsync(TimeSpan.FromSeconds(10))).Succeeded);
    }
}
