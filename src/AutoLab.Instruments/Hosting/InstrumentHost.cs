using System.Collections.Concurrent;
using System.Globalization;
using AutoLab.Contracts;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoLab.Instruments.Hosting;

/// <summary>Serves prepare and measure commands on the registered instruments' devices.</summary>
/// <remarks>
/// For each command: look the instrument up, check the safety envelope, lease a device instance, run the
/// <see cref="DevicePlan"/> under the instrument's time limit, validate the reading, write arrays to the
/// command's data folder, and build the completion event. Every domain failure becomes a
/// <see cref="StepFaulted"/> with its <see cref="StepFaultKind"/>; only cancellation of the caller's token
/// propagates. <seealso cref="MeasureSampleConsumer"/> and <seealso cref="PrepareSampleConsumer"/> publish the outcome.
/// <para>Once the application is stopping (<see cref="IHostApplicationLifetime.ApplicationStopping"/>, when the
/// container has one), commands that have not reached a device yet are answered Unavailable (retryable)
/// at once: a transport that drains its queue while stopping would otherwise start one device operation
/// after another, each running to its time limit. Operations already on a device end with the
/// transport's own consumer stop timeout.</para>
/// </remarks>
public sealed class InstrumentHost : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    private readonly InstrumentRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILogger<InstrumentHost> _logger;
    private readonly ConcurrentDictionary<string, Lazy<InstrumentLeasePool>> _pools = new(StringComparer.Ordinal);
    private readonly CancellationToken _stopping;

    /// <summary>Creates the host.</summary>
    /// <param name="registry">Instruments served.</param>
    /// <param name="services">Passed to device factories.</param>
    /// <param name="timeProvider">Clock for timestamps, durations and time limits.</param>
    /// <param name="logger">Logger.</param>
    public InstrumentHost(InstrumentRegistry registry, IServiceProvider services, TimeProvider timeProvider, ILogger<InstrumentHost> logger)
    {
        _registry = registry;
        _services = services;
        _time = timeProvider;
        _logger = logger;
        _stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
    }

    /// <summary>Serves a prepare command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels serving (e.g. the bus is stopping); the only exception that escapes.</param>
    /// <returns><see cref="SamplePrepared"/> or a fault.</returns>
    public async Task<StepOutcome<SamplePrepared>> PrepareAsync(PrepareSample command, CancellationToken cancellationToken)
    {
        var step = StepCommand.From(command);
        var run = await RunAsync(step, cancellationToken);
        if (run.Fault is { } fault)
        {
            return new StepOutcome<SamplePrepared>(fault);
        }

        return new StepOutcome<SamplePrepared>(new SamplePrepared
        {
            CampaignId = command.CampaignId,
            ExperimentId = command.ExperimentId,
            IdempotencyKey = command.IdempotencyKey,
            Timestamp = _time.GetUtcNow(),
            Instrument = command.Instrument,
            SampleId = string.IsNullOrEmpty(run.Reading.SampleId) ? $"{command.Instrument}-{command.ExperimentId:N}" : run.Reading.SampleId,
            Readings = run.Reading.Values,
        });
    }

    /// <summary>Serves a measure command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels serving (e.g. the bus is stopping); the only exception that escapes.</param>
    /// <returns><see cref="MeasurementCompleted"/> or a fault.</returns>
    public async Task<StepOutcome<MeasurementCompleted>> MeasureAsync(MeasureSample command, CancellationToken cancellationToken)
    {
        var step = StepCommand.From(command);
        var run = await RunAsync(step, cancellationToken);
        if (run.Fault is { } fault)
        {
            return new StepOutcome<MeasurementCompleted>(fault);
        }

        return new StepOutcome<MeasurementCompleted>(new MeasurementCompleted
        {
            CampaignId = command.CampaignId,
            ExperimentId = command.ExperimentId,
            IdempotencyKey = command.IdempotencyKey,
            Timestamp = _time.GetUtcNow(),
            Instrument = command.Instrument,
            Readings = run.Reading.Values,
            Data = run.Data,
            DurationSeconds = run.DurationSeconds,
        });
    }

    /// <summary>The lease pool of a registered instrument (made on first use).</summary>
    /// <param name="instrument">Instrument name.</param>
    /// <returns>The pool.</returns>
    /// <exception cref="KeyNotFoundException">The instrument is not registered.</exception>
    public InstrumentLeasePool PoolFor(string instrument)
    {
        var descriptor = _registry.Get(instrument);
        return _pools.GetOrAdd(
            instrument,
            _ => new Lazy<InstrumentLeasePool>(() => new InstrumentLeasePool(
                descriptor.Name,
                descriptor.Capacity,
                () => descriptor.DeviceFactory(_services)))).Value;
    }

    /// <summary>Disposes the pools and their idle devices.</summary>
    /// <returns>A task that completes when they are disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        foreach (var pool in _pools.Values.Where(p => p.IsValueCreated))
        {
            await pool.Value.DisposeAsync();
        }
    }

    /// <summary>Disposes the pools synchronously, for containers disposed with <c>Dispose</c> rather than <c>DisposeAsync</c>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static InstrumentCapabilities CapabilityOf(ExperimentStep step) =>
        step == ExperimentStep.Prepare ? InstrumentCapabilities.Prepare : InstrumentCapabilities.Measure;

    private static string FormatSeconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private async Task<StepRun> RunAsync(StepCommand command, CancellationToken cancellationToken)
    {
        if (!_registry.TryGet(command.Instrument, out var descriptor))
        {
            return Fail(command, StepFaultKind.Unavailable, _registry.DescribeUnknown(command.Instrument), retryable: false);
        }

        if (!descriptor.Capabilities.HasFlag(CapabilityOf(command.Step)))
        {
            return Fail(command, StepFaultKind.Unavailable, $"instrument '{descriptor.Name}' does not serve the {command.StepName} step; it serves: {descriptor.Capabilities}", retryable: false);
        }

        var envelope = _registry.EnvelopeFor(descriptor.Name).Check(command.Parameters);
        if (!envelope.IsAllowed)
        {
            return Fail(command, StepFaultKind.Refused, envelope.Reason, retryable: false);
        }

        var lease = await AcquireUnlessStoppingAsync(descriptor.Name, cancellationToken);
        if (lease is null)
        {
            return Fail(command, StepFaultKind.Unavailable, $"instrument '{descriptor.Name}' is shutting down; the {command.StepName} step was not started", retryable: true);
        }

        await using (lease)
        {
            if (command.Step == ExperimentStep.Measure && lease.Device is not IReadable)
            {
                return Fail(command, StepFaultKind.Unavailable, $"instrument '{descriptor.Name}' cannot measure: its device {lease.Device.GetType().Name} does not implement IReadable", retryable: false);
            }

            return await RunOnDeviceAsync(descriptor, lease, command, cancellationToken);
        }
    }

    private async Task<InstrumentLease?> AcquireUnlessStoppingAsync(string instrument, CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return null;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping);
        try
        {
            return await PoolFor(instrument).AcquireAsync(wait.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<StepRun> RunOnDeviceAsync(InstrumentDescriptor descriptor, InstrumentLease lease, StepCommand command, CancellationToken cancellationToken)
    {
        using var limit = descriptor.OperationTimeout is { } timeout
            ? new CancellationTokenSource(timeout, _time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        var plan = new DevicePlan(lease.Device, descriptor.Name);
        var started = _time.GetTimestamp();
        using var deviceTime = DeviceTime.Begin();

        // A device on its own clock (a virtual-clock simulator) states its time; otherwise the host's time is the
        // duration. Failed attempts state it too: an exposure that ended in garbage or a hang still used the beam.
        TimeSpan Spent() => deviceTime.Reported ? deviceTime.Spent : _time.GetElapsedTime(started);

        try
        {
            var directory = command.ResolveDataDirectory();
            var reading = await plan.RunAsync(command, directory, linked.Token);
            ReadingValidator.Validate(descriptor.Name, reading);
            var data = new List<DataReference>(reading.Files);
            foreach (var (key, array) in reading.Arrays)
            {
                data.Add(await ArrayFileWriter.WriteAsync(directory, command.StepName, key, array, linked.Token));
            }

            return new StepRun(reading, data, Spent().TotalSeconds, null);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            lease.Discard();
            await StopQuietlyAsync(descriptor.Name, lease.Device);
            var reason = $"instrument '{descriptor.Name}' did not finish the {command.StepName} step within {FormatSeconds(descriptor.OperationTimeout!.Value)} (it was in {plan.Phase}); the device was stopped and will be replaced";
            _logger.LogWarning("Step timed out: {Reason}", reason);
            return Fail(command, StepFaultKind.Timeout, reason, retryable: true, Spent());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DeviceRefusedException ex)
        {
            return Fail(command, StepFaultKind.Refused, Prefixed(descriptor.Name, ex.Message), retryable: false, Spent());
        }
        catch (DeviceOutputException ex)
        {
            return Fail(command, StepFaultKind.BadOutput, Prefixed(descriptor.Name, $"bad output in {plan.Phase}: {ex.Message}"), retryable: true, Spent());
        }
        catch (TimeoutException ex)
        {
            return Fail(command, StepFaultKind.Timeout, Prefixed(descriptor.Name, $"timed out in {plan.Phase}: {ex.Message}"), retryable: true, Spent());
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Instrument {Instrument} failed in {Phase} serving {Step} {IdempotencyKey}", descriptor.Name, plan.Phase, command.StepName, command.IdempotencyKey);
            return Fail(command, StepFaultKind.DeviceError, $"instrument '{descriptor.Name}' failed in {plan.Phase}: {ex.GetType().Name}: {ex.Message}", retryable: true, Spent());
        }
    }

    private static string Prefixed(string instrument, string message) =>
        message.StartsWith($"instrument '{instrument}'", StringComparison.Ordinal) ? message : $"instrument '{instrument}': {message}";

    private async Task StopQuietlyAsync(string instrument, object device)
    {
        if (device is not IStoppable stoppable)
        {
            return;
        }

        try
        {
            // Real time on purpose: a stop request must not wait on a simulated clock nobody advances.
            using var grace = new CancellationTokenSource(StopGrace);
            await stoppable.StopAsync(grace.Token).WaitAsync(grace.Token);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Instrument {Instrument} did not stop after its time limit", instrument);
        }
    }

    /// <summary>A failed step; <paramref name="spent"/> is the device time the attempt used before failing (none when it never reached a device).</summary>
    private StepRun Fail(StepCommand command, StepFaultKind kind, string reason, bool retryable, TimeSpan spent = default) => new(
        DeviceReading.Empty,
        [],
        0,
        new StepFaulted
        {
            CampaignId = command.CampaignId,
            ExperimentId = command.ExperimentId,
            IdempotencyKey = command.IdempotencyKey,
            Timestamp = _time.GetUtcNow(),
            Step = command.Step,
            Instrument = command.Instrument,
            Attempt = command.Attempt,
            Kind = kind,
            Reason = reason,
            Retryable = retryable,
            DurationSeconds = Math.Max(0, spent.TotalSeconds),
        });

    private sealed record StepRun(DeviceReading Reading, IReadOnlyList<DataReference> Data, double DurationSeconds, StepFaulted? Fault);
}
