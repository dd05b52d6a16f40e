using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;
using AutoLab.Instruments.Hosting;
using AutoLab.Instruments.Tests.Doubles;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Ring.Aperture;
using AutoLab.Simulators.Ring.Evaluation;
using AutoLab.Simulators.Ring.Instrument;
using AutoLab.Simulators.Ring.Lattices;
using AutoLab.Simulators.Ring.Optics;
using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Tests.Ring;

/// <summary>
/// The ring as a device: knobs within their supplies' limits move the sextupole families, a trigger measures
/// the dynamic aperture and optics; behaviour (noise, faults, drift) is seeded, so the same seed gives the same data.
/// </summary>
public sealed class RingInstrumentTests
{
    /// <summary>A short scan keeps each measurement in tens of milliseconds.</summary>
    internal static readonly RingEvaluationSettings Quick = new()
    {
        DynamicAperture = new DynamicApertureSettings { Angles = 5, Turns = 32, ProbesPerRound = 4, Rounds = 2 },
        OffMomentumDelta = 0.01,
        MaxMomentumDeviation = 0.03,
    };

    internal static ParameterPoint Point(double sf = 97.62, double sd = -102.6, double sh1 = 0.0, double sh2 = 0.0) => new()
    {
        Values = new Dictionary<string, double> { ["k2_sf"] = sf, ["k2_sd"] = sd, ["k2_sh1"] = sh1, ["k2_sh2"] = sh2 },
    };

    private static StageContext Context(string key) => new()
    {
        Instrument = "storage-ring",
        Step = ExperimentStep.Measure,
        CampaignId = Guid.Empty,
        ExperimentId = Guid.Empty,
        IdempotencyKey = key,
        DataDirectory = Path.GetTempPath(),
    };

    private static async Task<IReadOnlyDictionary<string, double>> MeasureAsync(RingInstrument ring, ParameterPoint point, string key, Dictionary<string, string>? options = null)
    {
        await ring.ConfigureAsync(options ?? [], CancellationToken.None);
        await ring.StageAsync(Context(key), CancellationToken.None);
        await ring.SetAsync(point, CancellationToken.None);
        await ring.TriggerAsync(CancellationToken.None);
        DeviceReading reading = await ring.ReadAsync(CancellationToken.None);
        await ring.UnstageAsync(CancellationToken.None);
        return reading.Values;
    }

    [Fact]
    public async Task A_measurement_reports_the_optics_and_apertures_of_the_set_lattice()
    {
        var ring = new RingInstrument(new RingSimulatorOptions { Evaluation = Quick });

        IReadOnlyDictionary<string, double> values = await MeasureAsync(ring, Point(sh1: 20.0), "k1");

        LinearOpticsResult optics = LinearOptics.Compute(new RingTracker(BuiltinLattices.Dba().WithSextupoleStrength("SH1", 20.0)));
        Assert.Equal(optics.TuneX, values[RingReadingKeys.TuneX], 12);
        Assert.Equal(1.0, values[RingReadingKeys.Stable]);
        Assert.InRange(values[RingReadingKeys.DynamicApertureArea], 1.0, Math.PI * 35.0 * 15.0);
        Assert.True(values[RingReadingKeys.TouschekProxy] > 0.0);
        Assert.Equal(RingReadingKeys.Units.Keys.Order(), values.Keys.Order());
        Assert.Equal(20.0, ring.DeliveredStrengths["SH1"]);
    }

    [Fact]
    public async Task A_knob_outside_its_power_supply_limits_is_refused_before_moving()
    {
        var ring = new RingInstrument(new RingSimulatorOptions { Evaluation = Quick });

        CheckResult check = await ring.CheckAsync(Point(sh2: 151.0), CancellationToken.None);
        DeviceRefusedException refused = await Assert.ThrowsAsync<DeviceRefusedException>(() => ring.SetAsync(Point(sf: 10.0), CancellationToken.None));

        Assert.False(check.IsAllowed);
        Assert.Contains("'k2_sh2' = 151 is outside the SH2 supply's limits [-150, 150]", check.Reason, StringComparison.Ordinal);
        Assert.Contains("'k2_sf' = 10", refused.Message, StringComparison.Ordinal);
        Assert.Empty(ring.DeliveredStrengths);
    }

    [Fact]
    public void The_registration_declares_the_supply_limits_as_the_safety_envelope()
    {
        var registry = new InstrumentRegistry().AddRingInstrument();
        InstrumentDescriptor descriptor = registry.Instruments.Single();
        var envelope = new SafetyEnvelope(descriptor.Name, descriptor.Envelope, descriptor.Units);

        CheckResult refused = envelope.Check(Point(sd: -141.0));

        Assert.Equal("storage-ring", descriptor.Name);
        Assert.Equal(["k2_sf", "k2_sd", "k2_sh1", "k2_sh2"], descriptor.Envelope.Select(l => l.Parameter));
        Assert.Equal("instrument 'storage-ring': parameter 'k2_sd' = -141 is below the safety limit -140 (1/m^3)", refused.Reason);
        Assert.True(envelope.Check(Point()).IsAllowed);
    }

    [Fact]
    public async Task Same_seed_and_command_give_the_same_noisy_data_and_another_command_differs()
    {
        var options = new RingSimulatorOptions { Evaluation = Quick, Behaviour = new BehaviourOptions { NoiseFraction = 0.05, Seed = 7 } };

        IReadOnlyDictionary<string, double> first = await MeasureAsync(new RingInstrument(options), Point(), "cmd-1");
        IReadOnlyDictionary<string, double> again = await MeasureAsync(new RingInstrument(options), Point(), "cmd-1");
        IReadOnlyDictionary<string, double> other = await MeasureAsync(new RingInstrument(options), Point(), "cmd-2");

        Assert.Equal(first, again);
        Assert.NotEqual(first[RingReadingKeys.DynamicApertureArea], other[RingReadingKeys.DynamicApertureArea]);
    }

    [Fact]
    public async Task An_injected_garbage_fault_reads_as_nan_and_a_refusal_throws()
    {
        var ring = new RingInstrument(new RingSimulatorOptions { Evaluation = Quick });

        IReadOnlyDictionary<string, double> garbage = await MeasureAsync(ring, Point(), "g", new() { ["fault_rate"] = "1", ["fault_modes"] = "garbage" });
        await ring.ConfigureAsync(new Dictionary<string, string> { ["fault_rate"] = "1", ["fault_modes"] = "refusal" }, CancellationToken.None);

        Assert.All(garbage.Values, v => Assert.True(double.IsNaN(v)));
        await Assert.ThrowsAsync<DeviceRefusedException>(() => ring.SetAsync(Point(), CancellationToken.None));
        Assert.Equal(SimulatedFaults.Refusal, ring.CurrentFault);
    }

    [Fact]
    public async Task Supplies_drift_with_instrument_time_spent_on_the_virtual_clock()
    {
        // A clock that never moves by itself: only the virtual latency advances instrument time.
        var ring = new RingInstrument(new RingSimulatorOptions { Evaluation = Quick }, new ManualTimeProvider());
        var options = new Dictionary<string, string> { ["latency_s"] = "3600", ["drift_per_hour"] = "2", ["clock"] = "virtual" };

        await MeasureAsync(ring, Point(), "d1", options);
        double before = ring.DeliveredStrengths["SF"];
        await MeasureAsync(ring, Point(), "d2", options);

        // One virtual hour of latency passed between the two settings: 2 (1/m³) of drift.
        Assert.Equal(97.62, before, 12);
        Assert.Equal(97.62 + 2.0, ring.DeliveredStrengths["SF"], 12);
    }

    [Fact]
    public async Task Command_options_shorten_the_scan()
    {
        var ring = new RingInstrument(new RingSimulatorOptions { Evaluation = Quick });

        IReadOnlyDictionary<string, double> values = await MeasureAsync(ring, Point(), "o", new() { ["turns"] = "8", ["angles"] = "3", ["off_momentum_delta"] = "0", ["max_momentum_deviation"] = "0" });

        Assert.Equal(0.0, values[RingReadingKeys.OffMomentumArea]);
        Assert.Equal(0.0, values[RingReadingKeys.TouschekProxy]);
        Assert.True(values[RingReadingKeys.DynamicApertureArea] > 0.0);
        await Assert.ThrowsAsync<DeviceRefusedException>(() => ring.ConfigureAsync(new Dictionary<string, string> { ["turns"] = "zero" }, CancellationToken.None));
    }

    [Fact]
    public async Task The_k_section_options_measure_what_the_same_settings_as_defaults_measure()
    {
        RingEvaluationSettings coarse = Quick with
        {
            DynamicAperture = Quick.DynamicAperture with { ProbesPerRound = 2, Rounds = 1 },
            OffMomentumDelta = 0.0,
            MaxMomentumDeviation = 0.0,
        };
        Dictionary<string, string> off = new() { ["off_momentum_delta"] = "0", ["max_momentum_deviation"] = "0" };

        IReadOnlyDictionary<string, double> byOptions = await MeasureAsync(
            new RingInstrument(new RingSimulatorOptions { Evaluation = Quick }), Point(), "k", new(off) { ["probes_per_round"] = "2", ["rounds"] = "1" });
        IReadOnlyDictionary<string, double> byDefaults = await MeasureAsync(new RingInstrument(new RingSimulatorOptions { Evaluation = coarse }), Point(), "k", off);
        IReadOnlyDictionary<string, double> finer = await MeasureAsync(new RingInstrument(new RingSimulatorOptions { Evaluation = Quick }), Point(), "k", off);

        Assert.Equal(byDefaults[RingReadingKeys.DynamicApertureArea], byOptions[RingReadingKeys.DynamicApertureArea]);
        Assert.NotEqual(finer[RingReadingKeys.DynamicApertureArea], byOptions[RingReadingKeys.DynamicApertureArea]);
        var ring = new RingInstrument(new RingSimulatorOptions { Evaluation = Quick });
        await Assert.ThrowsAsync<DeviceRefusedException>(() => ring.ConfigureAsync(new Dictionary<string, string> { ["rounds"] = "0" }, CancellationToken.None));
    }

    [Fact]
    public void An_unstable_lattice_reads_zero_objectives_instead_of_failing()
    {
        RingEvaluationResult result = RingEvaluator.Evaluate(BuiltinLattices.ThinFodo(4, 3.0, 1.0), Quick);

        IReadOnlyDictionary<string, double> values = RingInstrument.Readings(result);

        Assert.False(result.Stable);
        Assert.Contains("no stable", result.Problem, StringComparison.Ordinal);
        Assert.All(values.Values, v => Assert.Equal(0.0, v));
    }
}
