using AutoLab.Instruments.Devices;
using AutoLab.Instruments.Tests.Doubles;
using AutoLab.Simulators.Behaviour;

namespace AutoLab.Simulators.Tests.Behaviour;

/// <summary>Shared behaviour: virtual latency advances only the instrument clock, real latency waits on the time provider, drift follows the clock, and draws are seeded.</summary>
public sealed class InstrumentBehaviourTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public async Task Virtual_latency_returns_at_once_and_advances_the_instrument_clock()
    {
        var time = new ManualTimeProvider();
        var behaviour = new InstrumentBehaviour(time);
        var options = new BehaviourOptions { Latency = TimeSpan.FromHours(2), DriftPerHour = 0.01 };

        var spent = await behaviour.WaitAsync(options, new Random(1), null, CancellationToken.None);

        Assert.Equal(TimeSpan.FromHours(2), spent);
        Assert.Equal(TimeSpan.FromHours(2), behaviour.Elapsed);
        Assert.Equal(0.02, behaviour.Drift(options), Tolerance);
    }

    [Fact]
    public async Task Real_latency_waits_on_the_time_provider()
    {
        var time = new ManualTimeProvider();
        var behaviour = new InstrumentBehaviour(time);
        var options = new BehaviourOptions { Latency = TimeSpan.FromSeconds(30), Clock = ClockMode.Real };

        var waiting = behaviour.WaitAsync(options, new Random(1), null, CancellationToken.None);
        await time.WaitForPendingTimersAsync(1);
        Assert.False(waiting.IsCompleted, "the wait must not end before the clock reaches the latency");
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(30), behaviour.Elapsed);
    }

    [Fact]
    public async Task Jitter_stays_within_its_fraction_and_is_seeded()
    {
        var behaviour = new InstrumentBehaviour(new ManualTimeProvider());
        var options = new BehaviourOptions { Latency = TimeSpan.FromSeconds(10), LatencyJitter = 0.2 };

        var first = await behaviour.WaitAsync(options, RandomStreams.For(3, "k"), null, CancellationToken.None);
        var again = await behaviour.WaitAsync(options, RandomStreams.For(3, "k"), null, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.InRange(first.TotalSeconds, 8.0, 12.0);
    }

    [Fact]
    public void Fault_draws_follow_the_rate_and_modes()
    {
        var always = new BehaviourOptions { FaultRate = 1, FaultModes = SimulatedFaults.Garbage };
        var never = new BehaviourOptions();

        Assert.Equal(SimulatedFaults.Garbage, InstrumentBehaviour.DrawFault(always, new Random(5)));
        Assert.Equal(SimulatedFaults.None, InstrumentBehaviour.DrawFault(never, new Random(5)));
        var counts = Enumerable.Range(0, 10_000).Count(i => InstrumentBehaviour.DrawFault(new BehaviourOptions { FaultRate = 0.1 }, RandomStreams.For(i, "f")) != SimulatedFaults.None);
        Assert.InRange(counts, 900, 1100);
    }

    [Fact]
    public void Command_options_override_the_defaults_and_bad_ones_are_refused()
    {
        var options = BehaviourOptionParser.Apply(new BehaviourOptions(), new Dictionary<string, string>
        {
            ["latency_s"] = "1.5", ["clock"] = "real", ["drift_per_hour"] = "-0.01", ["fault_rate"] = "0.2", ["fault_modes"] = "refusal,timeout", ["seed"] = "42",
        });

        Assert.Equal(new BehaviourOptions
        {
            Latency = TimeSpan.FromSeconds(1.5), Clock = ClockMode.Real, DriftPerHour = -0.01, FaultRate = 0.2,
            FaultModes = SimulatedFaults.Refusal | SimulatedFaults.Timeout, Seed = 42,
        }, options);
        var error = Assert.Throws<DeviceRefusedException>(() => BehaviourOptionParser.Apply(new BehaviourOptions(), new Dictionary<string, string> { ["clock"] = "fast" }));
        Assert.Equal("option 'clock' = 'fast' is neither 'virtual' nor 'real'", error.Message);
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(400.0)]
    public void Poisson_draws_have_mean_and_variance_equal_to_the_mean(double mean)
    {
        var random = RandomStreams.For(11, "poisson");
        double[] draws = [.. Enumerable.Range(0, 20_000).Select(_ => random.NextPoisson(mean))];

        var average = draws.Average();
        var variance = draws.Select(d => (d - average) * (d - average)).Average();
        // Standard error of the mean is √(λ/n); of the variance about λ√(2/n); allow four of each.
        Assert.Equal(mean, average, 4 * Math.Sqrt(mean / draws.Length));
        Assert.Equal(mean, variance, 4 * mean * Math.Sqrt(2.0 / draws.Length) + 0.05);
    }
}
