using AutoLab.Orchestrator.Campaigns;

namespace AutoLab.IntegrationTests;

/// <summary>
/// The quick dynamic-aperture campaign benchmark runs NSGA-II, the ML-MOGA and EHVI against the ring
/// simulator on one seed and reports a well-formed figure: the same budget for all three, hypervolume
/// curves that never fall, and a figure of merit consistent with those curves.
/// </summary>
public sealed class CampaignBenchmarkTests
{
    const double Tolerance = 1e-12;

    [Fact]
    public void The_quick_dynamic_aperture_benchmark_reports_consistent_curves_and_figure()
    {
        var benchmark = new DynamicApertureBenchmark();

        CampaignFigure figure = benchmark.Run(seed: 1, quick: true);

        int budget = DynamicApertureBenchmark.Population(true) * DynamicApertureBenchmark.Generations(true);
        Assert.Equal(budget, figure.Baselines["budget"]);
        Assert.Equal(TargetComparison.AtMost, figure.Comparison);
        foreach (string curve in new[] { "nsga2_hypervolume", "mlmoga_hypervolume", "ehvi_hypervolume" })
        {
            IReadOnlyList<double> values = figure.Series[curve];
            Assert.Equal(DynamicApertureBenchmark.Generations(true), values.Count);
            Assert.All(values, v => Assert.InRange(v, 0.0, 1.0));
            for (int i = 1; i < values.Count; i++)
            {
                Assert.True(values[i] >= values[i - 1] - Tolerance, $"{curve} fell from {values[i - 1]} to {values[i]}: a campaign cannot lose what it measured");
            }
        }

        Assert.True(figure.Baselines["nsga2_final_hypervolume"] > 0, "NSGA-II should find some dynamic aperture");
        bool reached = figure.Baselines["mlmoga_final_hypervolume"] >= figure.Baselines["nsga2_final_hypervolume"];
        Assert.True(reached == double.IsFinite(figure.Value), "the figure is finite exactly when the ML-MOGA reached NSGA-II's final hypervolume");
        if (reached)
        {
            Assert.InRange(figure.Value, 1.0 / budget, 1.0);
        }
    }
}
