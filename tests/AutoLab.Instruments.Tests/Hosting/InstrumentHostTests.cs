using System.Security.Cryptography;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;
using AutoLab.Instruments.Hosting;
using AutoLab.Instruments.Tests.Doubles;

namespace AutoLab.Instruments.Tests.Hosting;

/// <summary>
/// The host runs configure → check → stage → set → trigger → read → unstage on a device and turns every
/// failure into a StepFaulted of the right kind, without a bus.
/// </summary>
public sealed class InstrumentHostTests : IDisposable
{
    private readonly DeviceLog _log = new();
    private readonly TemporaryDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_healthy_device_is_driven_through_the_whole_plan_in_order()
    {
        await using var host = HostFactory.Create(null, HostFactory.Recording("xrd", _log));

        var outcome = await host.MeasureAsync(Commands.Measure("xrd", "k1", dataDirectory: _data.Path), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Fault?.Reason);
        Assert.Equal(["configure", "check", "stage", "set", "trigger", "read", "unstage"], _log.Calls);
        Assert.Equal(1.5, outcome.Result!.Readings["y"]);
        Assert.Equal("k1", outcome.Result.IdempotencyKey);
    }

    [Fact]
    public async Task A_point_outside_the_envelope_is_refused_and_never_reaches_the_device()
    {
        await using var host = HostFactory.Create(null, HostFactory.Recording("psu", _log, envelope: [HostFactory.Limit("psu", "k2_sf", -600, 600)]));

        var outcome = await host.MeasureAsync(Commands.Measure("psu", "k1", new Dictionary<string, double> { ["k2_sf"] = 812.5 }), CancellationToken.None);

        var fault = Assert.IsType<StepFaulted>(outcome.Fault);
        Assert.Equal(StepFaultKind.Refused, fault.Kind);
        Assert.False(fault.Retryable, "a refused point will be refused again");
        Assert.Equal("instrument 'psu': parameter 'k2_sf' = 812.5 is above the safety limit 600", fault.Reason);
        Assert.Empty(_log.Calls);
        Assert.Equal(0, _log.Instances);
    }

    [Fact]
    public async Task A_point_the_device_check_refuses_is_never_staged_set_or_triggered()
    {
        await using var host = HostFactory.Create(null, HostFactory.Recording("xrd", _log, new DeviceBehaviour { RefuseCheckWith = "interlock open" }));

        var outcome = await host.MeasureAsync(Commands.Measure("xrd", "k1"), CancellationToken.None);

        Assert.Equal(StepFaultKind.Refused, outcome.Fault!.Kind);
        Assert.Equal("instrument 'xrd' refused the point: interlock open", outcome.Fault.Reason);
        Assert.Equal(["configure", "check"], _log.Calls);
    }

    [Fact]
    public async Task A_device_exception_is_a_retryable_device_error_naming_the_phase_and_the_device_is_unstaged()
    {
        await using var host = HostFactory.Create(null, HostFactory.Recording("xrd", _log, new DeviceBehaviour { ThrowIn = "trigger" }));

        var outcome = await host.MeasureAsync(Commands.Measure("xrd", "k1", dataDirectory: _data.Path), CancellationToken.None);

        Assert.Equal(StepFaultKind.DeviceError, outcome.Fault!.Kind);
        Assert.True(outcome.Fault.Retryable);
        Assert.Equal("instrument 'xrd' failed in trigger: InvalidOperationException: motor stalled", outcome.Fault.Reason);
        Assert.Equal("unstage", _log.Calls[^1]);
    }

    [Fact]
    public async Task A_nan_reading_is_bad_output()
    {
        var behaviour = new DeviceBehaviour { Reading = new DeviceReading { Values = new Dictionary<string, double> { ["y"] = double.NaN } } };
        await using var host = HostFactory.Create(null, HostFactory.Recording("xrd", _log, behaviour));

        var outcome = await host.MeasureAsync(Commands.Measure("xrd", "k1", dataDirectory: _data.Path), CancellationToken.None);

        Assert.Equal(StepFaultKind.BadOutput, outcome.Fault!.Kind);
        Assert.Contains("non-finite reading 'y' = NaN", outcome.Fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_array_with_an_infinite_element_is_bad_output_naming_the_element()
    {
        var behaviour = new DeviceBehaviour
        {
            Reading = new DeviceReading { Arrays = new Dictionary<string, DeviceArray> { ["pattern"] = new() { Values = [1, 2, double.PositiveInfinity] } } },
        };
        await using var host = HostFactory.Create(null, HostFactory.Recording("xrd", _log, behaviour));

        var outcome = await host.MeasureAsync(Commands.Measure("xrd", "k1", dataDirectory: _data.Path), CancellationToken.None);

        Assert.Equal(StepFaultKind.BadOutput, outcome.Fault!.Kind);
        Assert.Contains("array 'pattern' with element 2 = Infinity", outcome.Fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arrays_are_written_as_csv_into_the_data_directory_with_length_and_sha256()
    {
        var dataDirectory = Path.Combine(_data.Path, "experiment-7");
        var behaviour = new DeviceBehaviour
        {
            Reading = new DeviceReading
            {
                Values = new Dictionary<string, double> { ["peak"] = 28.4 },
                Arrays = new Dictionary<string, DeviceArray>
                {
                    ["pattern"] = new() { Values = [10, 250.5, 12], Axis = [20, 28.4, 40], AxisName = "two_theta", AxisUnits = "deg" },
                },
            },
        };
        await using var host = HostFactory.Create(null, HostFactory.Recording("xrd", _log, behaviour));

        var outcome = await host.MeasureAsync(Commands.Measure("xrd", "k1", dataDirectory: dataDirectory), CancellationToken.None);

        var reference = Assert.Single(outcome.Result!.Data);
        var path = new Uri(reference.Uri).LocalPath;
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(Path.Combine(dataDirectory, "measure-pattern.csv"), path);
        Assert.Equal("two_theta,pattern\n20,10\n28.4,250.5\n40,12\n", await File.ReadAllTextAsync(path));
        Assert.Equal(("pattern", "text/csv", (long)bytes.Length), (reference.Key, reference.MediaType, reference.Length));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), reference.Sha256);
    }

    [Fact]
    public async Task The_device_is_staged_with_the_command_context_and_configured_with_its_options()
    {
        RecordingDevice? device = null;
        var descriptor = HostFactory.Recording("xrd", _log) with { DeviceFactory = _ => device = new RecordingDevice(_log) };
        await using var host = HostFactory.Create(null, descriptor);
        var command = Commands.Measure("xrd", "k9", dataDirectory: _data.Path, options: new Dictionary<string, string> { ["exposure"] = "2" }, attempt: 3);

        await host.MeasureAsync(command, CancellationToken.None);

        Assert.Equal("2", device!.LastOptions!["exposure"]);
        Assert.Equal((command.ExperimentId, "k9", 3, ExperimentStep.Measure, _data.Path), (device.LastStage!.ExperimentId, device.LastStage.IdempotencyKey, device.LastStage.Attempt, device.LastStage.Step, device.LastStage.DataDirectory));
    }

    [Fact]
    public async Task An_unknown_instrument_is_unavailable_and_not_retryable()
    {
        await using var host = HostFactory.Create(null, HostFactory.Recording("xrd", _log));

        var outcome = await host.MeasureAsync(Commands.Measure("saxs", "k1"), CancellationToken.None);

        Assert.Equal(StepFaultKind.Unavailable, outcome.Fault!.Kind);
        Assert.False(outcome.Fault.Retryable);
        Assert.Equal("instrument 'saxs' is not registered here; registered: xrd (names are case-sensitive)", outcome.Fault.Reason);
    }

    [Fact]
    public async Task A_step_the_instrument_does_not_serve_is_unavailable()
    {
        await using var host = HostFactory.Create(null, HostFactory.Recording("robot", _log, capabilities: InstrumentCapabilities.Prepare));

        var outcome = await host.MeasureAsync(Commands.Measure("robot", "k1"), CancellationToken.None);

        Assert.Equal(StepFaultKind.Unavailable, outcome.Fault!.Kind);
        Assert.Equal("instrument 'robot' does not serve the measure step; it serves: Prepare", outcome.Fault.Reason);
    }

    [Fact]
    public async Task Prepare_publishes_the_reading_and_a_sample_id()
    {
        await using var host = HostFactory.Create(null, HostFactory.Recording("robot", _log));
        var command = Commands.Prepare("robot", "p1");

        var outcome = await host.PrepareAsync(command, CancellationToken.None);

        Assert.Equal($"robot-{command.ExperimentId:N}", outcome.Result!.SampleId);
        Assert.Equal(1.5, outcome.Result.Readings["y"]);
    }

    [Fact]
    public async Task A_device_past_its_time_limit_is_stopped_replaced_and_reported_as_a_timeout()
    {
        var time = new ManualTimeProvider();
        var never = new TaskCompletionSource().Task;
        var descriptor = HostFactory.Recording("xrd", _log, new DeviceBehaviour { TriggerGate = never }, operationTimeout: TimeSpan.FromSeconds(30));
        await using var host = HostFactory.Create(time, descriptor);

        var measuring = host.MeasureAsync(Commands.Measure("xrd", "k1", dataDirectory: _data.Path), CancellationToken.None);
        await _log.WaitForTriggersAsync(1);
        time.Advance(TimeSpan.FromSeconds(30));
        var outcome = await measuring.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(StepFaultKind.Timeout, outcome.Fault!.Kind);
        Assert.Equal("instrument 'xrd' did not finish the measure step within 30 s (it was in trigger); the device was stopped and will be replaced", outcome.Fault.Reason);
        Assert.Equal(1, _log.Count("stop"));
        Assert.Equal(1, _log.Count("dispose"));
        Assert.Equal(0, host.PoolFor("xrd").InUse);
    }

    [Fact]
    public async Task Commands_beyond_capacity_wait_for_a_lease()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = HostFactory.Create(null, HostFactory.Recording("xrd", _log, new DeviceBehaviour { TriggerGate = gate.Task }, capacity: 2));

        var commands = Enumerable.Range(0, 5).Select(i => host.MeasureAsync(Commands.Measure("xrd", $"k{i}", dataDirectory: _data.Path), CancellationToken.None)).ToList();
        await _log.WaitForTriggersAsync(2);

        Assert.Equal(2, host.PoolFor("xrd").InUse);
        Assert.Equal(2, _log.Active);
        Assert.All(commands, c => Assert.False(c.IsCompleted, "two hold the devices and three wait for a lease"));
        gate.SetResult();
        var outcomes = await Task.WhenAll(commands).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(2, _log.MaxActive);
        Assert.Equal(2, _log.Instances);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_propagates_instead_of_becoming_a_fault()
    {
        var never = new TaskCompletionSource().Task;
        await using var host = HostFactory.Create(null, HostFactory.Recording("xrd", _log, new DeviceBehaviour { TriggerGate = never }));
        using var stopping = new CancellationTokenSource();

        var measuring = host.MeasureAsync(Commands.Measure("xrd", "k1", dataDirectory: _data.Path), stopping.Token);
        await _log.WaitForTriggersAsync(1);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => measuring);
    }
}
