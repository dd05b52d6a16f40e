using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Devices;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Xrd;

/// <summary>
/// The diffractometer as adaptive XRD drives it: the point's knobs choose a window on the instrument's grid, the
/// sample changer's slot chooses a seeded sample, and accumulation adds a sample's scans up per point as counts
/// and exposure, returning counts per second.
/// </summary>
public sealed class AdaptiveDiffractometerTests
{
    /// <summary>Sums of a few doubles agree to rounding.</summary>
    private const double SumTolerance = 1e-9;

    /// <summary>A 12-slot changer with accumulation, 20–60° at 0.1°, on the virtual clock (shared with <see cref="PersistedScanSumsTests"/>).</summary>
    internal static readonly Dictionary<string, string> ChangerOptions = new()
    {
        ["samples"] = "changer",
        ["changer_seed"] = "7",
        ["changer_size"] = "12",
        ["accumulate"] = "true",
        ["two_theta_min"] = "20",
        ["two_theta_max"] = "60",
        ["step"] = "0.1",
        ["count_time"] = "0.5",
        ["clock"] = "virtual",
        ["seed"] = "3",
    };

    private static ParameterPoint Point(double slot, double? start = null, double? stop = null, double? countTime = null)
    {
        Dictionary<string, double> values = new() { ["slot"] = slot };
        if (start is { } a)
        {
            values["two_theta_start"] = a;
        }

        if (stop is { } b)
        {
            values["two_theta_stop"] = b;
        }

        if (countTime is { } t)
        {
            values["count_time"] = t;
        }

        return new ParameterPoint { Values = values };
    }

    private static Task<DeviceReading> MeasureAsync(DiffractometerInstrument device, Dictionary<string, string> options, ParameterPoint point, string key, Guid? campaign = null) =>
        DiffractometerScan.MeasureAsync(device, options, point, key, campaign);

    [Fact]
    public async Task A_window_knob_scans_only_that_window_snapped_to_the_grid_at_its_count_time()
    {
        var device = new DiffractometerInstrument();

        DeviceReading reading = await MeasureAsync(device, new Dictionary<string, string>(ChangerOptions) { ["accumulate"] = "false" }, Point(3, 30.04, 33.96, 2.0), "w/1");

        DeviceArray pattern = reading.Arrays[DiffractometerInstrument.PatternKey];
        Assert.Equal(30.0, pattern.Axis![0], SumTolerance);
        Assert.Equal(34.0, pattern.Axis[^1], SumTolerance);
        Assert.Equal(41, pattern.Values.Count);
        Assert.Equal(2.0, reading.Values["count_time_s"]);
        Assert.Equal("slot-3", reading.SampleId);
    }

    [Theory]
    [InlineData("two_theta_start", 5.0, 30.0, 1.0)]
    [InlineData("two_theta_stop", 30.0, 75.0, 1.0)]
    [InlineData("count_time", 30.0, 40.0, -1.0)]
    [InlineData("two_theta_stop", 40.0, 30.0, 1.0)]
    public async Task A_knob_the_instrument_cannot_scan_is_refused_by_its_check_naming_the_knob(string knob, double start, double stop, double countTime)
    {
        var device = new DiffractometerInstrument();
        await device.ConfigureAsync(ChangerOptions, CancellationToken.None);

        CheckResult check = await device.CheckAsync(Point(1, start, stop, countTime), CancellationToken.None);

        Assert.False(check.IsAllowed, $"{knob} should be refused");
        Assert.Contains($"'{knob}'", check.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(13.0)]
    [InlineData(2.5)]
    public async Task A_slot_outside_the_changer_is_refused_naming_the_slot_and_the_size(double slot)
    {
        var device = new DiffractometerInstrument();
        await device.ConfigureAsync(ChangerOptions, CancellationToken.None);

        CheckResult check = await device.CheckAsync(Point(slot), CancellationToken.None);

        Assert.False(check.IsAllowed, $"slot {slot} is not in a 12-slot changer");
        Assert.Contains("'slot'", check.Reason, StringComparison.Ordinal);
        Assert.Contains("12", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_changer_holds_the_same_seeded_samples_every_time_with_single_and_multi_phase_ones()
    {
        PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();

        IReadOnlyList<PhaseFraction>[] slots = [.. Enumerable.Range(1, 12).Select(s => DiffractometerSampleChanger.Phases(diagram, 7, s))];
        IReadOnlyList<PhaseFraction>[] again = [.. Enumerable.Range(1, 12).Select(s => DiffractometerSampleChanger.Phases(diagram, 7, s))];

        Assert.Equal(slots.Select(p => string.Join("+", p.Select(f => f.Phase))), again.Select(p => string.Join("+", p.Select(f => f.Phase))));
        Assert.Contains(slots, p => p.Count == 1);
        Assert.Contains(slots, p => p.Count >= 2);
        Assert.All(slots, p => Assert.Equal(1.0, p.Sum(f => f.Fraction), SumTolerance));
    }

    [Fact]
    public async Task Accumulated_scans_of_a_slot_add_counts_and_exposure_per_point_and_return_counts_per_second()
    {
        var options = new DiffractometerOptions();
        var device = new DiffractometerInstrument(options);
        Dictionary<string, string> plain = new(ChangerOptions) { ["accumulate"] = "false" };
        DeviceReading fast = await MeasureAsync(new DiffractometerInstrument(), plain, Point(2), "s2/1");
        DeviceReading window = await MeasureAsync(new DiffractometerInstrument(), plain, Point(2, 40, 44, 4.0), "s2/2");

        await MeasureAsync(device, ChangerOptions, Point(2), "s2/1");
        DeviceReading merged = await MeasureAsync(device, ChangerOptions, Point(2, 40, 44, 4.0), "s2/2");

        var description = await device.DescribeAsync(CancellationToken.None);
        Assert.Equal(description.Keys.Order(StringComparer.Ordinal), merged.Values.Keys.Concat(merged.Arrays.Keys).Order(StringComparer.Ordinal));
        DeviceArray rate = merged.Arrays[DiffractometerInstrument.PatternKey];
        DeviceArray exposure = merged.Arrays[DiffractometerInstrument.ExposureKey];
        DeviceArray fastCounts = fast.Arrays[DiffractometerInstrument.PatternKey];
        DeviceArray windowCounts = window.Arrays[DiffractometerInstrument.PatternKey];
        Assert.Equal(fastCounts.Values.Count, rate.Values.Count);
        Assert.Equal(2, merged.Values["scans"]);
        Assert.Equal((fastCounts.Values.Count * 0.5) + (windowCounts.Values.Count * 4.0), merged.Values["exposure_total_s"], SumTolerance);
        int offset = (int)Math.Round((40.0 - 20.0) / 0.1);
        for (int i = 0; i < rate.Values.Count; i++)
        {
            int w = i - offset;
            bool inWindow = w >= 0 && w < windowCounts.Values.Count;
            double counts = fastCounts.Values[i] + (inWindow ? windowCounts.Values[w] : 0.0);
            double time = 0.5 + (inWindow ? 4.0 : 0.0);
            Assert.Equal(time, exposure.Values[i], SumTolerance);
            Assert.Equal(counts / time, rate.Values[i], SumTolerance);
        }
    }

    [Fact]
    public async Task A_garbage_scan_is_not_added_and_other_campaigns_and_slots_keep_their_own_sums()
    {
        var options = new DiffractometerOptions();
        Dictionary<string, string> garbage = new(ChangerOptions) { ["fault_rate"] = "1", ["fault_modes"] = "garbage" };
        Guid campaign = Guid.NewGuid();

        DeviceReading bad = await MeasureAsync(new DiffractometerInstrument(options), garbage, Point(4), "g/1", campaign);
        DeviceReading first = await MeasureAsync(new DiffractometerInstrument(options), ChangerOptions, Point(4), "g/1#2", campaign);
        DeviceReading otherSlot = await MeasureAsync(new DiffractometerInstrument(options), ChangerOptions, Point(5), "g/2", campaign);
        DeviceReading otherCampaign = await MeasureAsync(new DiffractometerInstrument(options), ChangerOptions, Point(4), "g/3", Guid.NewGuid());

        Assert.True(double.IsNaN(bad.Values["max_counts"]), "a garbage readout must look like garbage so the host retries it");
        Assert.Equal(1, first.Values["scans"]);
        Assert.Equal(1, otherSlot.Values["scans"]);
        Assert.Equal(1, otherCampaign.Values["scans"]);
        Assert.Equal(3, options.Accumulator.Samples);
    }

    [Fact]
    public void The_accumulator_refuses_a_scan_off_its_grid()
    {
        var accumulator = new DiffractometerAccumulator();
        var grid = new ScanRange(20, 30, 0.1, 1);

        Assert.Throws<ArgumentException>(() => accumulator.Add("x", grid, new PowderPattern([20.05, 20.15], [1, 2], 1)));
        DiffractometerMergedPattern merged = accumulator.Add("x", grid, new PowderPattern([20.1, 20.2], [3, 5], 2));

        Assert.Equal([1.5, 2.5], merged.Rate);
        Assert.Equal([2.0, 2.0], merged.Exposure);
    }
}
