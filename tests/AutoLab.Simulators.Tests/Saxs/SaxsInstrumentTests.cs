using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;
using AutoLab.Instruments.Tests.Doubles;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Saxs;

namespace AutoLab.Simulators.Tests.Saxs;

/// <summary>
/// The SAXS camera behaves as a device: it refuses points it cannot measure, spends its counting time on the
/// instrument clock, reads back a curve with Guinier and invariant scalars, repeats itself for the same seed and
/// key, and injects the configured faults.
/// </summary>
public sealed class SaxsInstrumentTests
{
    /// <summary>Guinier Rg from a noisy 200-point curve with automatic range: within this of √(3/5)·R.</summary>
    private const double GuinierReadingTolerance = 0.03;

    /// <summary>I(0) ratio of two hour-long exposures: counting noise is far below this.</summary>
    private const double DriftRatioTolerance = 0.01;

    /// <summary>The instrument clock also counts the real time the test takes, well under this (s).</summary>
    private const double ClockTolerance = 0.5;

    private static ParameterPoint Point(params (string Name, double Value)[] values) =>
        new() { Values = values.ToDictionary(v => v.Name, v => v.Value) };

    private static async Task<DeviceReading> MeasureAsync(SaxsInstrument device, ParameterPoint point, IReadOnlyDictionary<string, string>? options = null, string key = "exp-1/measure")
    {
        await device.ConfigureAsync(options ?? new Dictionary<string, string>(), CancellationToken.None);
        var check = await device.CheckAsync(point, CancellationToken.None);
        if (!check.IsAllowed)
        {
            throw new DeviceRefusedException(check.Reason);
        }

        await device.StageAsync(
            new StageContext
            {
                Instrument = "saxs",
                Step = ExperimentStep.Measure,
                CampaignId = Guid.Empty,
                ExperimentId = Guid.Empty,
                IdempotencyKey = key,
                DataDirectory = Path.GetTempPath(),
            },
            CancellationToken.None);
        try
        {
            await device.SetAsync(point, CancellationToken.None);
            await device.TriggerAsync(CancellationToken.None);
            return await device.ReadAsync(CancellationToken.None);
        }
        finally
        {
            await device.UnstageAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_sphere_dispersion_reads_back_a_Guinier_radius_of_root_three_fifths_R()
    {
        var device = new SaxsInstrument();

        var reading = await MeasureAsync(device, Point(("radius", 60.0)));

        Assert.Equal(Math.Sqrt(0.6) * 60.0, reading.Values[SaxsInstrument.RadiusOfGyrationKey], GuinierReadingTolerance * 60.0);
        Assert.Equal(200, reading.Arrays[SaxsInstrument.CurveKey].Values.Count);
        Assert.Equal(reading.Arrays[SaxsInstrument.CurveKey].Axis, reading.Arrays[SaxsInstrument.UncertaintyKey].Axis);
        Assert.True(reading.Values[SaxsInstrument.InvariantKey] > 0, "a particle dispersion has a positive invariant");
    }

    [Fact]
    public async Task Describe_lists_the_keys_read()
    {
        var device = new SaxsInstrument();
        var reading = await MeasureAsync(device, Point());

        var description = await device.DescribeAsync(CancellationToken.None);

        Assert.Equal(
            reading.Values.Keys.Concat(reading.Arrays.Keys).Order(StringComparer.Ordinal),
            description.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Same_seed_and_key_give_the_same_curve_and_another_key_does_not()
    {
        var options = new SaxsSimulatorOptions { SampleKind = SaxsSampleKind.Film, FilmSeed = 4, Behaviour = new BehaviourOptions { Seed = 9 } };
        var point = Point(("x", 5.0), ("y", 12.0));

        var first = await MeasureAsync(new SaxsInstrument(options), point);
        var again = await MeasureAsync(new SaxsInstrument(options), point);
        var other = await MeasureAsync(new SaxsInstrument(options), point, key: "exp-2/measure");

        Assert.Equal(first.Arrays[SaxsInstrument.CurveKey].Values, again.Arrays[SaxsInstrument.CurveKey].Values);
        Assert.Equal(first.Values, again.Values);
        Assert.NotEqual(first.Arrays[SaxsInstrument.CurveKey].Values, other.Arrays[SaxsInstrument.CurveKey].Values);
    }

    [Fact]
    public async Task Film_positions_off_the_film_and_unknown_parameters_are_refused()
    {
        var device = new SaxsInstrument(new SaxsSimulatorOptions { SampleKind = SaxsSampleKind.Film });
        await device.ConfigureAsync(new Dictionary<string, string>(), CancellationToken.None);

        var off = await device.CheckAsync(Point(("x", 25.0), ("y", 1.0)), CancellationToken.None);
        var missing = await device.CheckAsync(Point(("x", 2.0)), CancellationToken.None);
        await device.ConfigureAsync(new Dictionary<string, string> { ["sample"] = "solution" }, CancellationToken.None);
        var typo = await device.CheckAsync(Point(("radiuss", 20.0)), CancellationToken.None);

        Assert.Equal("position (25, 1) mm is off the film [0, 20] × [0, 20] mm", off.Reason);
        Assert.Equal("a film measurement needs parameters 'x' and 'y' (mm)", missing.Reason);
        Assert.StartsWith("parameter 'radiuss' means nothing to the SAXS camera in solution mode", typo.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_options_are_refused_naming_the_option()
    {
        var device = new SaxsInstrument();

        var model = await Assert.ThrowsAsync<DeviceRefusedException>(() => device.ConfigureAsync(new Dictionary<string, string> { ["model"] = "torus" }, CancellationToken.None));
        var range = await Assert.ThrowsAsync<DeviceRefusedException>(() => device.ConfigureAsync(new Dictionary<string, string> { ["q_min"] = "0.6" }, CancellationToken.None));

        var points = await Assert.ThrowsAsync<DeviceRefusedException>(() => device.ConfigureAsync(new Dictionary<string, string> { ["points"] = "12.5" }, CancellationToken.None));
        var structure = await Assert.ThrowsAsync<DeviceRefusedException>(() => device.ConfigureAsync(new Dictionary<string, string> { ["structure_factor"] = "maybe" }, CancellationToken.None));
        var fraction = await Assert.ThrowsAsync<DeviceRefusedException>(() => device.ConfigureAsync(new Dictionary<string, string> { ["volume_fraction"] = "0.7" }, CancellationToken.None));

        Assert.Equal("option 'model' = 'torus' is not a model; known: sphere, core-shell, cylinder, ellipsoid, gaussian-chain", model.Message);
        Assert.Equal("option 'points' = '12.5' is not an integer", points.Message);
        Assert.Equal("option 'structure_factor' = 'maybe' is neither 'true' nor 'false'", structure.Message);
        Assert.Equal("'volume_fraction' = 0.7 is outside [1E-09, 0.5]", fraction.Message);
        Assert.StartsWith("camera options: q range must satisfy 0 < q_min < q_max", range.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counting_time_and_latency_advance_the_virtual_clock()
    {
        var device = new SaxsInstrument(new SaxsSimulatorOptions { Behaviour = new BehaviourOptions { Latency = TimeSpan.FromSeconds(2) } });

        await MeasureAsync(device, Point(("count_time_s", 30.0)));
        await MeasureAsync(device, Point(), key: "exp-2/measure");

        // 2 s + 30 s, then 2 s + the default 10 s.
        Assert.Equal(44.0, device.Elapsed.TotalSeconds, ClockTolerance);
    }

    [Fact]
    public async Task Injected_garbage_reads_as_not_a_number_and_injected_refusals_refuse()
    {
        var garbage = new SaxsInstrument(new SaxsSimulatorOptions { Behaviour = new BehaviourOptions { FaultRate = 1, FaultModes = SimulatedFaults.Garbage } });
        var refusing = new SaxsInstrument(new SaxsSimulatorOptions { Behaviour = new BehaviourOptions { FaultRate = 1, FaultModes = SimulatedFaults.Refusal } });

        var reading = await MeasureAsync(garbage, Point());
        var refusal = await Assert.ThrowsAsync<DeviceRefusedException>(() => MeasureAsync(refusing, Point()));

        Assert.True(double.IsNaN(reading.Values[SaxsInstrument.RadiusOfGyrationKey]));
        Assert.All(reading.Arrays[SaxsInstrument.CurveKey].Values, v => Assert.True(double.IsNaN(v)));
        Assert.StartsWith("injected fault", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_real_clock_an_exposure_waits_for_latency_plus_counting_time()
    {
        var time = new ManualTimeProvider();
        var device = new SaxsInstrument(
            new SaxsSimulatorOptions { Behaviour = new BehaviourOptions { Clock = ClockMode.Real, Latency = TimeSpan.FromSeconds(1) } },
            time);
        await device.ConfigureAsync(new Dictionary<string, string>(), CancellationToken.None);
        await device.SetAsync(Point(("count_time_s", 20.0)), CancellationToken.None);

        var exposure = device.TriggerAsync(CancellationToken.None);
        await time.WaitForPendingTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(exposure.IsCompleted, "the exposure lasts 21 s: 1 s latency and 20 s counting");
        time.Advance(TimeSpan.FromSeconds(1));
        await exposure;

        Assert.True((await device.ReadAsync(CancellationToken.None)).Values[SaxsInstrument.RadiusOfGyrationKey] > 0);
    }

    [Fact]
    public async Task Flux_drift_grows_the_intensity_with_instrument_time()
    {
        // 50 % more flux per hour, and each exposure takes an hour of (virtual) instrument time.
        var device = new SaxsInstrument(new SaxsSimulatorOptions { Behaviour = new BehaviourOptions { DriftPerHour = 0.5 } });
        var point = Point(("count_time_s", 3600.0));

        var first = await MeasureAsync(device, point);
        var second = await MeasureAsync(device, point, key: "exp-2/measure");

        // Drift is read after each exposure: scale 1.5 after the first hour, 2.0 after the second.
        Assert.Equal(2.0 / 1.5, second.Values[SaxsInstrument.ForwardIntensityKey] / first.Values[SaxsInstrument.ForwardIntensityKey], DriftRatioTolerance);
    }

    [Fact]
    public async Task An_injected_timeout_hangs_until_the_command_is_cancelled()
    {
        var device = new SaxsInstrument(new SaxsSimulatorOptions { Behaviour = new BehaviourOptions { FaultRate = 1, FaultModes = SimulatedFaults.Timeout } });
        await device.ConfigureAsync(new Dictionary<string, string>(), CancellationToken.None);
        await device.SetAsync(Point(), CancellationToken.None);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => device.TriggerAsync(cancellation.Token));
        Assert.Equal(SimulatedFaults.Timeout, device.CurrentFault);
    }

    [Fact]
    public async Task Mapping_a_film_finds_larger_particles_where_the_morphology_map_has_them()
    {
        var options = new SaxsSimulatorOptions { SampleKind = SaxsSampleKind.Film, FilmSeed = 21 };
        var film = new FilmMorphology(21, options.Sample);
        var spots = Enumerable.Range(0, 5).SelectMany(i => Enumerable.Range(0, 5).Select(j => (X: 2.0 + (4.0 * i), Y: 2.0 + (4.0 * j)))).ToArray();
        var largest = spots.MaxBy(s => Volume(film.At(s.X, s.Y)));
        var smallest = spots.MinBy(s => Volume(film.At(s.X, s.Y)));

        var big = await MeasureAsync(new SaxsInstrument(options), Point(("x", largest.X), ("y", largest.Y)));
        var small = await MeasureAsync(new SaxsInstrument(options), Point(("x", smallest.X), ("y", smallest.Y)));

        Assert.True(
            big.Values[SaxsInstrument.ForwardIntensityKey] > small.Values[SaxsInstrument.ForwardIntensityKey],
            "at fixed volume fraction I(0) ∝ particle volume, so the spot with the largest particles scatters most forward");
    }

    private static double Volume(SaxsSample sample) => ScatteringModel.Volume(sample, sample.Radius);
}
