using AutoLab.Instruments.Devices;
using AutoLab.Instruments.Tests.Doubles;
using AutoLab.Simulators.TestFunctions;
using static AutoLab.Simulators.Tests.TestFunctions.Simulation;

namespace AutoLab.Simulators.Tests.TestFunctions;

/// <summary>Noise, latency and injected faults are opt-in and seeded: the same seed gives the same outputs and the same faults.</summary>
public sealed class NoiseLatencyAndFaultTests
{
    /// <summary>Commands per statistical check.</summary>
    private const int Commands = 400;

    /// <summary>Allowed error of a sample standard deviation over <see cref="Commands"/> draws (about 4 standard errors, sd/√(2n) ≈ 3.5%).</summary>
    private const double RelativeSdTolerance = 0.15;

    private static TestFunctionInstrument Noisy(long seed, double sd = 0.5) =>
        new(new TestFunctionSimulatorOptions { Function = "sphere", NoiseStandardDeviation = sd, Seed = seed });

    private static TestFunctionInstrument Faulty(long seed, double rate = 0.3, InjectedFaults modes = InjectedFaults.Refusal | InjectedFaults.Garbage) =>
        new(new TestFunctionSimulatorOptions { Function = "sphere", FaultRate = rate, FaultModes = modes, Seed = seed });

    private static async Task<List<double>> NoisyOutputs(TestFunctionInstrument device)
    {
        var outputs = new List<double>();
        for (var i = 0; i < Commands; i++)
        {
            outputs.Add((await MeasureAsync(device, Point(1, 1), Options(), key: $"exp-{i}/measure")).Values["y"]);
        }

        return outputs;
    }

    private static async Task<List<string>> FaultSequence(TestFunctionInstrument device)
    {
        var outcomes = new List<string>();
        for (var i = 0; i < Commands; i++)
        {
            try
            {
                var y = (await MeasureAsync(device, Point(1, 1), Options(), key: $"exp-{i}/measure")).Values["y"];
                outcomes.Add(double.IsNaN(y) ? "garbage" : "ok");
            }
            catch (DeviceRefusedException)
            {
                outcomes.Add("refusal");
            }
        }

        return outcomes;
    }

    [Fact]
    public async Task Without_options_it_is_exact()
    {
        var outputs = await NoisyOutputs(new TestFunctionInstrument(new TestFunctionSimulatorOptions { Function = "sphere" }));

        Assert.All(outputs, y => Assert.Equal(2.0, y));
    }

    [Fact]
    public async Task Noise_has_the_configured_standard_deviation_around_the_true_value()
    {
        var outputs = await NoisyOutputs(Noisy(seed: 7, sd: 0.5));

        var mean = outputs.Average();
        var sd = Math.Sqrt(outputs.Sum(y => (y - mean) * (y - mean)) / (outputs.Count - 1));
        Assert.InRange(sd, 0.5 * (1 - RelativeSdTolerance), 0.5 * (1 + RelativeSdTolerance));
        Assert.InRange(mean, 2 - (4 * 0.5 / Math.Sqrt(Commands)), 2 + (4 * 0.5 / Math.Sqrt(Commands)));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_noise_and_another_seed_does_not()
    {
        var first = await NoisyOutputs(Noisy(seed: 42));
        var again = await NoisyOutputs(Noisy(seed: 42));
        var other = await NoisyOutputs(Noisy(seed: 43));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Noise_depends_on_the_command_not_on_the_order_commands_arrive_in()
    {
        var forward = Noisy(seed: 42);
        var backward = Noisy(seed: 42);

        var a = (await MeasureAsync(forward, Point(1, 1), Options(), key: "a")).Values["y"];
        var b = (await MeasureAsync(forward, Point(1, 1), Options(), key: "b")).Values["y"];
        var b2 = (await MeasureAsync(backward, Point(1, 1), Options(), key: "b")).Values["y"];
        var a2 = (await MeasureAsync(backward, Point(1, 1), Options(), key: "a")).Values["y"];

        Assert.Equal((a, b), (a2, b2));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task A_retry_draws_afresh()
    {
        var device = Noisy(seed: 42);

        var first = (await MeasureAsync(device, Point(1, 1), Options(), key: "a", attempt: 1)).Values["y"];
        var retry = (await MeasureAsync(device, Point(1, 1), Options(), key: "a", attempt: 2)).Values["y"];

        Assert.NotEqual(first, retry);
    }

    [Fact]
    public async Task Injected_faults_are_reproducible_with_a_seed()
    {
        var first = await FaultSequence(Faulty(seed: 5));
        var again = await FaultSequence(Faulty(seed: 5));
        var other = await FaultSequence(Faulty(seed: 6));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Faults_come_at_the_configured_rate_in_the_enabled_modes()
    {
        var outcomes = await FaultSequence(Faulty(seed: 5, rate: 0.3));

        var faults = outcomes.Count(o => o != "ok");

        // Binomial(400, 0.3): mean 120, sd ≈ 9.2; allow 4 sd.
        Assert.InRange(faults, 120 - 37, 120 + 37);
        Assert.Contains("refusal", outcomes);
        Assert.Contains("garbage", outcomes);
        Assert.Equal(["garbage", "ok", "refusal"], outcomes.Distinct().Order());
    }

    [Fact]
    public async Task Fault_options_on_the_command_enable_injection()
    {
        var device = new TestFunctionInstrument(new TestFunctionSimulatorOptions { Function = "sphere" });

        var reading = await MeasureAsync(device, Point(1, 1), Options(("fault_rate", "1"), ("fault_modes", "garbage")));

        Assert.True(double.IsNaN(reading.Values["y"]), "fault rate 1 with only garbage enabled must return NaN");
        Assert.Equal(InjectedFaults.Garbage, device.CurrentFault);
    }

    [Fact]
    public async Task An_injected_timeout_hangs_until_the_command_is_cancelled()
    {
        var device = Faulty(seed: 1, rate: 1, modes: InjectedFaults.Timeout);
        using var limit = new CancellationTokenSource();

        var measuring = MeasureAsync(device, Point(1, 1), Options(), cancellationToken: limit.Token);
        await Task.Yield();

        Assert.False(measuring.IsCompleted, "an injected timeout must not finish by itself");
        await limit.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => measuring);
    }

    [Fact]
    public async Task Latency_elapses_on_the_injected_clock()
    {
        var time = new ManualTimeProvider();
        var device = new TestFunctionInstrument(new TestFunctionSimulatorOptions { Function = "sphere", Latency = TimeSpan.FromSeconds(90) }, time);

        var measuring = MeasureAsync(device, Point(1, 1), Options());
        await time.WaitForPendingTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(89));
        Assert.False(measuring.IsCompleted, "89 of 90 simulated seconds have passed");
        time.Advance(TimeSpan.FromSeconds(1));

        var reading = await measuring.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, reading.Values["y"]);
    }
}
