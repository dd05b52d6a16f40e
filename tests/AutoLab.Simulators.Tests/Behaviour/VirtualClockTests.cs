using AutoLab.Contracts;
using AutoLab.Contracts.Instruments;
using AutoLab.Instruments.Devices;
using AutoLab.Instruments.Hosting;
using AutoLab.Instruments.Tests.Doubles;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Saxs;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Simulators.Tests.Behaviour;

/// <summary>
/// The dry-run clock: instrument time is exactly the latency and counting spent, with no host time in it,
/// and a hosted simulator on the virtual clock reports that time as the measurement's duration.
/// </summary>
public sealed class VirtualClockTests
{
    // Ticks are integers: sums of whole seconds are exact.
    private const double ExactSeconds = 1e-9;

    [Fact]
    public void The_clock_is_the_exact_sum_of_its_advances()
    {
        var clock = new VirtualClock();

        Parallel.For(0, 1000, _ => clock.Advance(TimeSpan.FromSeconds(28.8)));

        Assert.Equal(TimeSpan.FromHours(8), clock.Elapsed);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public async Task Host_time_between_commands_is_not_instrument_time()
    {
        var host = new ManualTimeProvider();
        var behaviour = new InstrumentBehaviour(host);
        var options = new BehaviourOptions { Latency = TimeSpan.FromSeconds(20) };

        await behaviour.WaitAsync(options, new Random(1), TimeSpan.FromSeconds(120), CancellationToken.None);
        host.Advance(TimeSpan.FromHours(3));
        await behaviour.WaitAsync(options, new Random(1), null, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(140), behaviour.Elapsed);
    }

    [Fact]
    public async Task Virtual_time_is_reported_to_the_enclosing_command_and_real_waits_are_not()
    {
        var host = new ManualTimeProvider();
        var behaviour = new InstrumentBehaviour(host);
        using var command = DeviceTime.Begin();

        await behaviour.WaitAsync(new BehaviourOptions(), new Random(1), TimeSpan.FromSeconds(100), CancellationToken.None);
        var real = behaviour.WaitAsync(new BehaviourOptions { Clock = ClockMode.Real }, new Random(1), TimeSpan.FromSeconds(5), CancellationToken.None);
        await host.WaitForPendingTimersAsync(1);
        host.Advance(TimeSpan.FromSeconds(5));
        await real.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(command.Reported);
        Assert.Equal(TimeSpan.FromSeconds(100), command.Spent);
        Assert.Equal(TimeSpan.FromSeconds(105), behaviour.Elapsed);
    }

    [Fact]
    public void A_report_outside_a_scope_goes_nowhere_and_an_inner_scope_hides_the_outer_one()
    {
        DeviceTime.Report(TimeSpan.FromHours(1));
        using var outer = DeviceTime.Begin();
        using (var inner = DeviceTime.Begin())
        {
            DeviceTime.Report(TimeSpan.FromSeconds(3));
            Assert.Equal(TimeSpan.FromSeconds(3), inner.Spent);
        }

        DeviceTime.Report(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), outer.Spent);
    }

    [Fact]
    public async Task A_hosted_camera_on_the_virtual_clock_reports_latency_plus_counting_as_the_duration()
    {
        var data = Directory.CreateTempSubdirectory("autolab-virtual-").FullName;
        try
        {
            // The host's clock never moves: whatever duration comes back is the camera's own virtual time.
            await using var services = new ServiceCollection()
                .AddSingleton<TimeProvider>(new ManualTimeProvider())
                .AddAutoLabInstruments(registry => registry.AddSaxsInstrument(options: new SaxsSimulatorOptions { SampleKind = SaxsSampleKind.Film, FilmSeed = 21 }))
                .BuildServiceProvider();
            var host = services.GetRequiredService<InstrumentHost>();

            var first = await host.MeasureAsync(Command(data, "a/measure"), CancellationToken.None);
            var second = await host.MeasureAsync(Command(data, "b/measure"), CancellationToken.None);

            Assert.True(first.Succeeded && second.Succeeded, first.Fault?.Reason ?? second.Fault?.Reason);
            Assert.Equal(35.0, first.Result!.DurationSeconds, ExactSeconds);
            Assert.Equal(35.0, second.Result!.DurationSeconds, ExactSeconds);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static MeasureSample Command(string data, string key) => new()
    {
        CampaignId = Guid.NewGuid(),
        ExperimentId = Guid.NewGuid(),
        IdempotencyKey = key,
        Timestamp = DateTimeOffset.UnixEpoch,
        Instrument = SaxsRegistryExtensions.DefaultName,
        Parameters = new ParameterPoint { Values = new Dictionary<string, double> { ["x"] = 4.0, ["y"] = 15.0 } },
        Options = new Dictionary<string, string> { ["count_time_s"] = "5", ["latency_s"] = "30", ["clock"] = "virtual" },
        DataDirectory = data,
    };
}
