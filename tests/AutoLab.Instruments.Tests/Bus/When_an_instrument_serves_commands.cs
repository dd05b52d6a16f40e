using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;
using AutoLab.Instruments.Tests.Doubles;
using MassTransit;

namespace AutoLab.Instruments.Tests.Bus;

/// <summary>Commands sent to <c>instrument.{name}</c> are served and answered with completion events or faults, never thrown.</summary>
public sealed class When_an_instrument_serves_commands : IAsyncLifetime
{
    private readonly DeviceLog _log = new();
    private readonly TemporaryDirectory _data = new();
    private InstrumentBus _bus = null!;

    public async Task InitializeAsync() =>
        _bus = await InstrumentBus.StartAsync(r => r
            .Register(HostFactory.Recording("xrd", _log, envelope: [HostFactory.Limit("xrd", "temperature", 0, 1200)]))
            .Register(HostFactory.Recording("broken", _log, new DeviceBehaviour { ThrowIn = "set", ExceptionToThrow = new IOException("serial port closed") })));

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public void Should_name_queues_after_the_instrument()
    {
        Assert.Equal("instrument.xrd", InstrumentEndpoints.QueueName("xrd"));
        Assert.Equal(new Uri("queue:instrument.xrd"), InstrumentEndpoints.Address("xrd"));
    }

    [Fact]
    public async Task Should_publish_measurement_completed_for_a_measure_command()
    {
        var command = Commands.Measure("xrd", "m1", new Dictionary<string, double> { ["temperature"] = 300 }, _data.Path);

        await _bus.SendAsync("xrd", command);

        Assert.True(await _bus.Harness.Published.Any<MeasurementCompleted>(m => m.Context.Message.IdempotencyKey == "m1"), "no MeasurementCompleted was published");
        var completed = Assert.Single(_bus.Published<MeasurementCompleted>());
        Assert.Equal((command.CampaignId, command.ExperimentId, "xrd", 1.5), (completed.CampaignId, completed.ExperimentId, completed.Instrument, completed.Readings["y"]));
    }

    [Fact]
    public async Task Should_publish_sample_prepared_for_a_prepare_command_on_the_same_queue()
    {
        await _bus.SendAsync("xrd", Commands.Prepare("xrd", "p1", new Dictionary<string, double> { ["temperature"] = 300 }));

        Assert.True(await _bus.Harness.Published.Any<SamplePrepared>(m => m.Context.Message.IdempotencyKey == "p1"), "no SamplePrepared was published");
    }

    [Fact]
    public async Task Should_refuse_a_point_outside_the_envelope_without_touching_the_device()
    {
        await _bus.SendAsync("xrd", Commands.Measure("xrd", "m1", new Dictionary<string, double> { ["temperature"] = 1500 }));

        Assert.True(await _bus.Harness.Published.Any<StepFaulted>(), "no StepFaulted was published");
        var fault = Assert.Single(_bus.Published<StepFaulted>());
        Assert.Equal((StepFaultKind.Refused, false, ExperimentStep.Measure), (fault.Kind, fault.Retryable, fault.Step));
        Assert.Equal("instrument 'xrd': parameter 'temperature' = 1500 is above the safety limit 1200", fault.Reason);
        Assert.DoesNotContain("set", _log.Calls);
        Assert.DoesNotContain("trigger", _log.Calls);
    }

    [Fact]
    public async Task Should_publish_a_device_error_and_not_fault_the_message()
    {
        await _bus.SendAsync("broken", Commands.Measure("broken", "m1", dataDirectory: _data.Path));

        await _bus.WaitForConsumedAsync<MeasureSample>(1);
        var fault = Assert.Single(_bus.Published<StepFaulted>());
        Assert.Equal(StepFaultKind.DeviceError, fault.Kind);
        Assert.Equal("instrument 'broken' failed in set: IOException: serial port closed", fault.Reason);
        Assert.Empty(_bus.Published<Fault<MeasureSample>>());
        Assert.False(await _bus.Harness.Consumed.Any<MeasureSample>(m => m.Exception is not null), "the consumer must not throw for a device error");
    }

    [Fact]
    public async Task Should_answer_a_command_for_an_unregistered_instrument_as_unavailable()
    {
        await _bus.SendAsync("xrd", Commands.Measure("saxs", "m1"));

        await _bus.WaitForConsumedAsync<MeasureSample>(1);
        var fault = Assert.Single(_bus.Published<StepFaulted>());
        Assert.Equal((StepFaultKind.Unavailable, "saxs"), (fault.Kind, fault.Instrument));
    }
}
