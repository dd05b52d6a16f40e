using AutoLab.Orchestrator.Campaigns;

namespace AutoLab.IntegrationTests;

/// <summary>
/// The quick adaptive-XRD benchmark trains a small identifier on merged measurements, calibrates the fast scan,
/// the stop threshold and the window budget on separate samples, measures its test
/// samples adaptively and searches the slow scan of equal accuracy; the figure it reports must agree with
/// that search.
/// </summary>
public sealed class AdaptiveXrdBenchmarkTests
{
    // The figure is a ratio of sums of doubles; it is recomputed here from the reported parts.
    private const double RatioTolerance = 1e-9;

    [Fact]
    public void The_quick_adaptive_benchmark_reports_a_ratio_consistent_with_its_slow_scan_search()
    {
        CampaignFigure figure = new AdaptiveXrdBenchmark().Run(seed: 1, quick: true);

        IReadOnlyDictionary<string, double> b = figure.Baselines;
        Assert.Equal(AdaptiveXrdBenchmark.Samples(true), b["samples"]);
        Assert.Equal(TargetComparison.AtLeast, figure.Comparison);
        Assert.Equal(b["slow_seconds"] / b["adaptive_mean_seconds"], figure.Value, RatioTolerance);
        Assert.Contains(b["fast_count_time_s"], AdaptiveXrdBenchmark.FastLadder);
        Assert.InRange(b["slow_count_time_s"], b["fast_count_time_s"], b["fast_count_time_s"] * AdaptiveXrdBenchmark.SlowLimit);
        Assert.True((b["slow_reached"] == 1.0) == (b["slow_accuracy"] >= b["adaptive_accuracy"]),
            $"slow_reached says whether the slow accuracy {b["slow_accuracy"]:P0} reached the adaptive accuracy {b["adaptive_accuracy"]:P0}");
        Assert.True(b["adaptive_mean_seconds"] >= b["fast_count_time_s"] * 480,
            "every adaptive measurement starts with a full fast scan of the 480-point grid");
        Assert.Contains(b["confidence_threshold"], AdaptiveXrdCalibration.Thresholds);
        Assert.Contains((int)b["max_windows"], AdaptiveXrdCalibration.Budgets);
        Assert.InRange(b["adaptive_mean_windows"], 0.0, b["max_windows"]);
        Assert.InRange(b["fast_mean_confidence"], 0.5, 1.0);
    }
}
