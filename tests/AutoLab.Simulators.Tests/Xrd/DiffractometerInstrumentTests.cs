using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Xrd;

/// <summary>The diffractometer device: options choose the scan and sample, the reading matches its description, and drift and faults behave as configured.</summary>
public sealed class DiffractometerInstrumentTests
{
    private const double DriftTolerance = 0.02;

    private static readonly ParameterPoint NoParameters = new() { Values = new Dictionary<string, double>() };

    private static async Task<DeviceReading> MeasureAsync(DiffractometerInstrument device, Dictionary<string, string> options, string key = "exp/measure")
    {
        await device.ConfigureAsync(options, CancellationToken.None);
        Assert.True((await device.CheckAsync(NoParameters, CancellationToken.None)).IsAllowed);
        await device.StageAsync(
            new StageContext
            {
                Instrument = "diffractometer",
                Step = ExperimentStep.Measure,
                CampaignId = Guid.Empty,
                ExperimentId = Guid.Empty,
                IdempotencyKey = key,
                DataDirectory = Path.GetTempPath(),
            },
            CancellationToken.None);
        await device.SetAsync(NoParameters, CancellationToken.None);
        await device.TriggerAsync(CancellationToken.None);
        var reading = await device.ReadAsync(CancellationToken.None);
        await device.UnstageAsync(CancellationToken.None);
        return reading;
    }

    [Fact]
    public async Task A_built_in_phase_is_measured_over_the_requested_sub_range()
    {
        var device = new DiffractometerInstrument();

        var reading = await MeasureAsync(device, new() { ["phase"] = "Si", ["two_theta_min"] = "28", ["two_theta_max"] = "29", ["step"] = "0.01", ["count_time"] = "5" });
        var description = await device.DescribeAsync(CancellationToken.None);

        var pattern = reading.Arrays[DiffractometerInstrument.PatternKey];
        Assert.Equal(101, pattern.Values.Count);
        Assert.Equal(28.0, pattern.Axis![0], 1e-12);
        Assert.Equal(29.0, pattern.Axis[^1], 1e-9);
        Assert.Equal(5.0, reading.Values["count_time_s"]);
        Assert.Equal(description.Keys.Order(StringComparer.Ordinal), reading.Values.Keys.Concat(reading.Arrays.Keys).Order(StringComparer.Ordinal));
        Assert.Equal([101], description[DiffractometerInstrument.PatternKey].Shape);
    }

    [Fact]
    public async Task The_same_seed_and_command_give_the_same_pattern()
    {
        Dictionary<string, string> options = new() { ["phase"] = "NaCl", ["seed"] = "5" };

        var first = await MeasureAsync(new DiffractometerInstrument(), options);
        var again = await MeasureAsync(new DiffractometerInstrument(), options);

        Assert.Equal(first.Arrays["pattern"].Values, again.Arrays["pattern"].Values);
    }

    [Fact]
    public async Task An_unknown_phase_is_refused_with_the_known_ones()
    {
        var error = await Assert.ThrowsAsync<DeviceRefusedException>(() => new DiffractometerInstrument().ConfigureAsync(new Dictionary<string, string> { ["phase"] = "kryptonite" }, CancellationToken.None));

        Assert.StartsWith("option 'phase' = 'kryptonite' is not a built-in phase; built in: Si, NaCl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Injected_garbage_returns_non_finite_counts()
    {
        var reading = await MeasureAsync(new DiffractometerInstrument(), new() { ["phase"] = "Si", ["fault_rate"] = "1", ["fault_modes"] = "garbage" });

        Assert.All(reading.Arrays["pattern"].Values, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public async Task Zero_shift_drifts_with_instrument_time_spent_counting()
    {
        var device = new DiffractometerInstrument();
        Dictionary<string, string> options = new()
        {
            ["phase"] = "Si", ["two_theta_min"] = "27.5", ["two_theta_max"] = "29.5", ["step"] = "0.001", ["count_time"] = "1", ["drift_per_hour"] = "0.36",
        };

        var first = Top(await MeasureAsync(device, options, "a/measure"));
        var second = Top(await MeasureAsync(device, options, "b/measure"));

        // The first scan spends 2,001 points × 1 s of virtual time, so the second starts 0.36 × 2001/3600 degrees later.
        Assert.Equal(0.36 * 2001 / 3600, second - first, DriftTolerance);
        Assert.Equal(28.44, first, DriftTolerance);
        Assert.Equal(4002.0, device.Behaviour.Elapsed.TotalSeconds, 1.0);
    }

    private static double Top(DeviceReading reading)
    {
        var pattern = reading.Arrays["pattern"];
        var best = 0;
        for (var i = 1; i < pattern.Values.Count; i++)
        {
            if (pattern.Values[i] > pattern.Values[best])
            {
                best = i;
            }
        }

        return pattern.Axis![best];
    }
}
