using AutoLab.Orchestrator.Campaigns;

namespace AutoLab.Orchestrator.Tests.Campaigns;

/// <summary>Medians over seeds: never-reached runs count as the largest values, curves are taken point by point, the target decides Met.</summary>
public sealed class CampaignFigureSummaryTests
{
    const double Exact = 1e-15;

    [Fact]
    public void The_median_counts_a_never_reached_seed_as_the_largest_value()
    {
        double[] values = [0.4, double.PositiveInfinity, 0.6];

        Assert.Equal(0.6, CampaignFigureSummary.MedianOf(values), Exact);
        Assert.Equal(double.PositiveInfinity, CampaignFigureSummary.MedianOf([0.4, double.PositiveInfinity]));
        Assert.Equal(0.5, CampaignFigureSummary.MedianOf([0.4, 0.6, double.NaN]), Exact);
        Assert.True(double.IsNaN(CampaignFigureSummary.MedianOf([])), "no values have no median");
    }

    [Fact]
    public void A_summary_takes_medians_of_values_baselines_and_curve_points_and_judges_the_median()
    {
        CampaignFigure[] runs =
        [
            Figure(1, 0.3, baseline: 10, curve: [0.1, 0.5]),
            Figure(2, 0.7, baseline: 30, curve: [0.3, 0.9]),
            Figure(3, 0.45, baseline: 20, curve: [0.2, 0.4]),
        ];

        CampaignFigureSummary summary = CampaignFigureSummary.Of(runs, seconds: 1.5);

        Assert.Equal(0.45, summary.Median, Exact);
        Assert.True(summary.Met, "a median of 0.45 meets a target of at most 0.5");
        Assert.Equal(2, summary.SeedsMet);
        Assert.Equal([1, 2, 3], summary.Seeds);
        Assert.Equal(20.0, summary.Baselines["b"], Exact);
        Assert.Equal([10.0, 30.0, 20.0], summary.BaselinesPerSeed["b"]);
        Assert.Equal([0.2, 0.5], summary.Series["hv"]);
        Assert.Throws<ArgumentException>(() => CampaignFigureSummary.Of([]));
    }

    [Fact]
    public void An_at_least_target_is_met_from_above_and_never_by_nan()
    {
        Assert.True(CampaignFigure.IsMet(0.9, 0.8, TargetComparison.AtLeast));
        Assert.False(CampaignFigure.IsMet(0.7, 0.8, TargetComparison.AtLeast));
        Assert.False(CampaignFigure.IsMet(double.NaN, 0.8, TargetComparison.AtMost));
        Assert.False(CampaignFigure.IsMet(double.PositiveInfinity, 0.5, TargetComparison.AtMost));
    }

    static CampaignFigure Figure(int seed, double value, double baseline, double[] curve) => new()
    {
        Name = "test",
        Seed = seed,
        Metric = "fraction",
        Value = value,
        Target = 0.5,
        Comparison = TargetComparison.AtMost,
        Baselines = new Dictionary<string, double> { ["b"] = baseline },
        Series = new Dictionary<string, IReadOnlyList<double>> { ["hv"] = curve },
    };
}
