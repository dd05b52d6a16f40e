using AutoLab.Analysis.Adaptive;
using AutoLab.Analysis.Models;
using AutoLab.Analysis.Pipeline;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Tests.Registry;
using AutoLab.Analysis.Tests.Torch;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Contracts;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Tests.Models;

/// <summary>
/// The "adaptive-xrd" stage reads the diffractometer's merged pattern and exposure as the instrument host writes
/// them, identifies the phases with the registry model, and turns the adaptive policy's decision into numbers a
/// strategy reads: a window inside the scanned range at a longer count while unsure, a harmless full range with
/// <c>stop</c> = 1 when confident or out of windows.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class AdaptiveXrdStageTests(QuickPhaseIdFixture fixture) : IClassFixture<QuickPhaseIdFixture>, IDisposable
{
    /// <summary>The fast scan's time per point (s): short, so the quick model is unsure.</summary>
    private const double FastCountTime = 0.002;

    /// <summary>Grid step of the simulated instrument (degrees), the quick model's grid spacing rounded.</summary>
    private const double Step = 0.125;

    /// <summary>Positions and sums agree to rounding.</summary>
    private const double Tolerance = 1e-9;

    private readonly TemporaryFolder _run = new("autolab-adaptive-stage");

    public void Dispose() => _run.Dispose();

    [Fact]
    public void An_unsure_identification_asks_for_a_window_inside_the_scanned_range_at_eight_times_the_fast_count()
    {
        AnalysisResult result = Apply(scans: 1, new() { ["train"] = "never", ["threshold"] = "1" });

        Assert.Equal(0.0, result.Objectives["stop"]);
        Assert.Equal(0.0, result.Objectives["confident"]);
        double start = result.Objectives["next_two_theta_start"];
        double stop = result.Objectives["next_two_theta_stop"];
        Assert.InRange(start, 20.0, 80.0);
        Assert.InRange(stop, start + 1.0, 80.0);
        Assert.Equal(4.0, stop - start, 0.5);
        Assert.Equal(8 * FastCountTime, result.Objectives["next_count_time"], Tolerance);
        Assert.Equal(1.0, result.Objectives["scans"]);
        Assert.InRange(result.Objectives["decision_confidence"], 0.5, 1.0);
        Assert.Contains("presence_ni3al", result.Objectives.Keys);
    }

    [Fact]
    public void A_threshold_at_the_reached_confidence_stops_with_the_full_range_at_the_fast_count()
    {
        double confidence = Apply(scans: 1, new() { ["train"] = "never", ["threshold"] = "1" }).Objectives["decision_confidence"];
        Assert.True(confidence > 0.5, $"the decision confidence {confidence} should exceed 0.5, the least a threshold may be");

        AnalysisResult result = Apply(scans: 1, new() { ["train"] = "never", ["threshold"] = confidence.ToString("R", System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(1.0, result.Objectives["stop"]);
        Assert.Equal(1.0, result.Objectives["confident"]);
        Assert.Equal(20.0, result.Objectives["next_two_theta_start"], Tolerance);
        Assert.Equal(80.0, result.Objectives["next_two_theta_stop"], Tolerance);
        Assert.Equal(FastCountTime, result.Objectives["next_count_time"], Tolerance);
        Assert.All(result.Objectives.Values, v => Assert.True(double.IsFinite(v), "every output must be a number the saga accepts"));
    }

    [Fact]
    public void After_the_most_windows_it_stops_unconfident()
    {
        AnalysisResult result = Apply(scans: 3, new() { ["train"] = "never", ["threshold"] = "1", ["max_windows"] = "2" });

        Assert.Equal(1.0, result.Objectives["stop"]);
        Assert.Equal(0.0, result.Objectives["confident"]);
        Assert.Equal(2.0, result.Objectives["windows"]);
    }

    [Fact]
    public void A_span_is_reported_as_one_numbered_scan_equal_to_the_window()
    {
        AnalysisResult result = Apply(scans: 1, new() { ["train"] = "never", ["threshold"] = "1" });

        Assert.Equal(1.0, result.Objectives["next_scans"]);
        Assert.Equal(result.Objectives["next_two_theta_start"], result.Objectives["next_scan_1_start"], Tolerance);
        Assert.Equal(result.Objectives["next_two_theta_stop"], result.Objectives["next_scan_1_stop"], Tolerance);
    }

    [Fact]
    public void Segments_are_reported_as_numbered_scans_inside_the_range_disjoint_and_no_more_points_than_the_span()
    {
        AnalysisResult span = Apply(scans: 1, new() { ["train"] = "never", ["threshold"] = "1" }, window: 0);
        AnalysisResult segmented = Apply(scans: 1, new() { ["train"] = "never", ["threshold"] = "1", ["segment_width"] = "0.5" }, window: 0);

        int count = (int)segmented.Objectives["next_scans"];
        Assert.True(count >= 2, $"0.5° segments of a 4° window's points should need several scans here; got {count}");
        (double Start, double Stop)[] scans = [.. Enumerable.Range(1, count).Select(k => (segmented.Objectives[$"next_scan_{k}_start"], segmented.Objectives[$"next_scan_{k}_stop"]))];
        Assert.All(scans, r => Assert.True(r.Start >= 20.0 - Tolerance && r.Stop <= 80.0 + Tolerance && r.Stop > r.Start, $"segment {r.Start}–{r.Stop}° should lie in the scanned range"));
        for (int k = 1; k < scans.Length; k++)
        {
            Assert.True(scans[k].Start > scans[k - 1].Stop, $"segments should ascend without overlap: {scans[k - 1].Stop}° then {scans[k].Start}°");
        }

        static int Points((double Start, double Stop) r) => (int)Math.Round((r.Stop - r.Start) / Step) + 1;
        int spanPoints = Points((span.Objectives["next_scan_1_start"], span.Objectives["next_scan_1_stop"]));
        Assert.InRange(scans.Sum(Points), 1, spanPoints);
        Assert.Equal(0.0, segmented.Objectives["windows"]);
    }

    [Fact]
    public void The_points_window_knob_counts_the_windows_and_segments_without_it_are_refused_naming_it()
    {
        // Five scans so far: the fast scan and two windows of two segments. The stage counts 2 windows, not 4, so
        // with max_windows 3 it still asks for another.
        AnalysisResult numbered = Apply(scans: 5, new() { ["train"] = "never", ["threshold"] = "1", ["max_windows"] = "3", ["segment_width"] = "0.5" }, window: 2);
        AnalysisException unnumbered = Assert.Throws<AnalysisException>(() => Apply(scans: 5, new() { ["train"] = "never", ["segment_width"] = "0.5" }));

        Assert.Equal(2.0, numbered.Objectives["windows"]);
        Assert.Equal(0.0, numbered.Objectives["stop"]);
        Assert.Contains("'window'", unnumbered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rebuilt_measurement_holds_the_instruments_sums_point_by_point()
    {
        // A fast scan at 0.5 s per point with a window counted 4 s more over points 5–9.
        double[] axis = [.. Enumerable.Range(0, 20).Select(i => 20.0 + (i * Step))];
        MeasuredArray rate = new("p", "two_theta", "pattern", axis, [.. Enumerable.Range(0, 20).Select(i => 10.0 + (i % 7))]);
        MeasuredArray exposure = new("e", "two_theta", "exposure_s", axis, [.. Enumerable.Range(0, 20).Select(i => i is >= 5 and <= 9 ? 4.5 : 0.5)]);

        XrdPatternGrid grid = AdaptiveXrdStage.GridOf(rate);
        AdaptiveXrdMeasurement measurement = AdaptiveXrdStage.Rebuild(grid, rate, exposure);

        Assert.Equal(20, grid.Points);
        Assert.Equal(Step, grid.Step, Tolerance);
        for (int i = 0; i < axis.Length; i++)
        {
            Assert.Equal(exposure.Values[i], measurement.Exposure(i), Tolerance);
            Assert.Equal(rate.Values[i], measurement.Rate(i), Tolerance);
        }
    }

    [Fact]
    public void A_pattern_without_its_exposure_is_refused_naming_the_missing_data()
    {
        (DataReference pattern, _) = WriteScan(1);

        AnalysisException error = Assert.Throws<AnalysisException>(() => new AdaptiveXrdStage(fixture.Models)
            .Apply(new AnalysisInput { Data = [pattern], DataDirectory = DataDirectory }, new Dictionary<string, string> { ["train"] = "never" }));

        Assert.Contains("exposure_s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_stage_registry_offers_adaptive_xrd()
    {
        Assert.True(AnalysisModelRegistry.CreateDefault(fixture.Models).Contains(AdaptiveXrdStage.ModelName), "specs may name adaptive-xrd");
    }

    private string DataDirectory => Path.Combine(_run.Path, "data", "000001");

    private AnalysisResult Apply(int scans, Dictionary<string, string> options, int? window = null)
    {
        (DataReference pattern, DataReference exposure) = WriteScan(scans);
        AnalysisInput input = new()
        {
            Parameters = new ParameterPoint { Values = window is int w ? new Dictionary<string, double> { ["window"] = w } : new Dictionary<string, double>() },
            Data = [pattern, exposure],
            DataDirectory = DataDirectory,
            Readings = new Dictionary<string, double> { ["scans"] = scans },
        };
        return new AdaptiveXrdStage(fixture.Models).Apply(input, options);
    }

    /// <summary>A fast scan of a two-phase sample, accumulated as the diffractometer does and written as the host writes it.</summary>
    private (DataReference Pattern, DataReference Exposure) WriteScan(int seed)
    {
        PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();
        IReadOnlyList<PhaseContribution> sample = DiffractometerSampleChanger.Contributions(diagram, 11, 1, 30.0);
        ScanRange grid = new(20.0, 80.0 + (Step / 2), Step, FastCountTime);
        PowderPattern scan = new PowderPatternSimulator().Measure(sample, new DiffractometerSettings(), grid, RandomStreams.For(seed, "adaptive-stage-test"));
        DiffractometerMergedPattern merged = new DiffractometerAccumulator().Add("s", grid, scan);
        return (
            InstrumentFiles.WriteArray(DataDirectory, "measure", DiffractometerInstrument.PatternKey, merged.TwoTheta, merged.Rate, "two_theta"),
            InstrumentFiles.WriteArray(DataDirectory, "measure", DiffractometerInstrument.ExposureKey, merged.TwoTheta, merged.Exposure, "two_theta"));
    }
}
