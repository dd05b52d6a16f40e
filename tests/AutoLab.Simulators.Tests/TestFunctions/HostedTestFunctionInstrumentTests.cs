using AutoLab.Contracts;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;
using AutoLab.Instruments.Tests.Doubles;
using AutoLab.Simulators.TestFunctions;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Simulators.Tests.TestFunctions;

/// <summary>Registered in one line, the simulator serves measure commands through the instrument host like any device.</summary>
public sealed class HostedTestFunctionInstrumentTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private readonly string _data = Directory.CreateTempSubdirectory("autolab-sim-").FullName;
    private ServiceProvider _services = null!;

    private InstrumentHost Host => _services.GetRequiredService<InstrumentHost>();

    public Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(_time)
            .AddAutoLabTestFunctionInstrument()
            .AddAutoLabTestFunctionInstrument("slow-sim", o =>
            {
                o.Latency = TimeSpan.FromSeconds(45);
                o.OperationTimeout = TimeSpan.FromSeconds(120);
            })
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private MeasureSample Measure(string instrument, string function, params double[] x) => new()
    {
        CampaignId = Guid.NewGuid(),
        ExperimentId = Guid.NewGuid(),
        IdempotencyKey = $"{Guid.NewGuid():N}/measure",
        Timestamp = DateTimeOffset.UnixEpoch,
        Instrument = instrument,
        Parameters = Simulation.Point(x),
        Options = new Dictionary<string, string> { ["function"] = function },
        DataDirectory = _data,
    };

    [Fact]
    public void Both_registrations_land_in_one_registry()
    {
        var registry = _services.GetRequiredService<InstrumentRegistry>();

        Assert.Equal(["test-functions", "slow-sim"], registry.Instruments.Select(i => i.Name));
        Assert.All(registry.Instruments, i => Assert.Equal(InstrumentCapabilities.Measure, i.Capabilities));
    }

    [Fact]
    public async Task A_measure_command_returns_the_function_value()
    {
        var outcome = await Host.MeasureAsync(Measure("test-functions", "hartmann6", new Hartmann6().Optimum.Locations[0].ToArray()), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Fault?.Reason);
        Assert.Equal(-3.32237, outcome.Result!.Readings["y"], 1e-5);
        Assert.Equal(0, outcome.Result.DurationSeconds);
    }

    [Fact]
    public async Task An_unknown_function_is_a_refusal_listing_the_known_ones()
    {
        var outcome = await Host.MeasureAsync(Measure("test-functions", "rastrigin", 1, 2), CancellationToken.None);

        Assert.Equal((StepFaultKind.Refused, false), (outcome.Fault!.Kind, outcome.Fault.Retryable));
        Assert.Equal("instrument 'test-functions': option 'function' = 'rastrigin' is not a known test function; known: ackley, branin, hartmann6, levy, rosenbrock, sphere, zdt1", outcome.Fault.Reason);
    }

    [Fact]
    public async Task A_point_outside_the_domain_is_a_refusal()
    {
        var outcome = await Host.MeasureAsync(Measure("test-functions", "branin", -6, 1), CancellationToken.None);

        Assert.Equal(StepFaultKind.Refused, outcome.Fault!.Kind);
        Assert.Equal("instrument 'test-functions' refused the point: parameter 'x1' = -6 is outside the domain of branin: [-5, 10]", outcome.Fault.Reason);
    }

    [Fact]
    public async Task Latency_is_reported_as_the_measurement_duration_in_simulated_seconds()
    {
        var measuring = Host.MeasureAsync(Measure("slow-sim", "sphere", 1, 1), CancellationToken.None);

        // Two timers: the host's operation time limit and the simulator's latency.
        await _time.WaitForPendingTimersAsync(2);
        _time.Advance(TimeSpan.FromSeconds(45));
        var outcome = await measuring.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(outcome.Succeeded, outcome.Fault?.Reason);
        Assert.Equal(45, outcome.Result!.DurationSeconds, 1e-9);
    }

    [Fact]
    public async Task An_injected_timeout_ends_at_the_operation_time_limit()
    {
        var command = Measure("slow-sim", "sphere", 1, 1) with
        {
            Options = new Dictionary<string, string> { ["function"] = "sphere", ["fault_rate"] = "1", ["fault_modes"] = "timeout", ["latency_s"] = "0" },
        };

        var measuring = Host.MeasureAsync(command, CancellationToken.None);
        await _time.WaitForPendingTimersAsync(1);
        _time.Advance(TimeSpan.FromSeconds(120));
        var outcome = await measuring.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(StepFaultKind.Timeout, outcome.Fault!.Kind);
        Assert.True(outcome.Fault.Retryable);
    }

    [Fact]
    public async Task A_parameter_point_with_choices_is_accepted()
    {
        var command = Measure("test-functions", "sphere", 0, 0) with
        {
            Parameters = new ParameterPoint
            {
                Values = new Dictionary<string, double> { ["x1"] = 0, ["x2"] = 0 },
                Choices = new Dictionary<string, string> { ["solvent"] = "water" },
            },
        };

        var outcome = await Host.MeasureAsync(command, CancellationToken.None);

        Assert.Equal(0, outcome.Result!.Readings["y"]);
    }
}
