using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.MultiObjectiveBayesian;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Strategies;

namespace AutoLab.ActiveLearning.Tests.MultiObjectiveBayesian;

/// <summary>
/// The sampled EHVI used by "ehvi" for three objectives: each sample's improvement is the exact hypervolume
/// difference, the average agrees with the closed-form 2-D EHVI, and the strategy beats a Sobol design on DTLZ2.
/// </summary>
public class MonteCarloHypervolumeImprovementTests
{
    private const double ExactTolerance = 1e-12;

    /// <summary>128 Sobol-normal samples estimate EHVI to a few per cent for these predictions.</summary>
    private const double SampledRelativeTolerance = 0.05;

    private static readonly double[] Reference3 = [1.1, 1.1, 1.1];

    [Fact]
    public void Each_improvement_is_the_exact_hypervolume_difference()
    {
        SplitMix64 random = new(3);
        List<double[]> front = [.. Enumerable.Range(0, 12).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() })];
        MonteCarloHypervolumeImprovement ehvi = new(front, Reference3);
        double before = Hypervolume.Compute(front, Reference3);

        for (int t = 0; t < 20; t++)
        {
            double[] y = [random.NextDouble(), random.NextDouble(), random.NextDouble()];
            double expected = Hypervolume.Compute([.. front, y], Reference3) - before;
            Assert.Equal(expected, ehvi.Improvement(y), ExactTolerance);
        }
    }

    [Fact]
    public void With_zero_variance_the_estimate_is_the_improvement_of_the_mean()
    {
        List<double[]> front = [[0.2, 0.8, 0.5], [0.7, 0.3, 0.4], [0.5, 0.5, 0.9]];
        MonteCarloHypervolumeImprovement ehvi = new(front, Reference3);
        double[] mean = [0.4, 0.4, 0.3];

        Assert.Equal(ehvi.Improvement(mean), ehvi.Evaluate(mean, [0.0, 0.0, 0.0]), ExactTolerance);
    }

    [Theory]
    [InlineData(0.3, 0.4, 0.05)]
    [InlineData(0.5, 0.5, 0.2)]
    [InlineData(0.1, 0.9, 0.1)]
    public void Two_objective_estimate_agrees_with_the_closed_form(double mean1, double mean2, double sd)
    {
        List<double[]> front = [[0.1, 0.9], [0.3, 0.6], [0.6, 0.35], [0.9, 0.1]];
        double[] reference = [1.1, 1.1];
        ExpectedHypervolumeImprovement exact = new(front, reference);
        MonteCarloHypervolumeImprovement sampled = new(front, reference, seed: 1);

        double expected = exact.Evaluate(mean1, sd * sd, mean2, sd * sd, []);
        double estimate = sampled.Evaluate([mean1, mean2], [sd * sd, sd * sd]);

        Assert.True(Math.Abs(estimate - expected) <= SampledRelativeTolerance * expected, $"sampled {estimate}, closed form {expected}");
    }

    [Fact]
    public void On_three_objective_dtlz2_the_hypervolume_beats_a_sobol_design_of_the_same_size()
    {
        Dtlz2 problem = new(3, 3);
        long[] seeds = [1, 2, 3];
        // 256 raw candidates instead of 1024 keep the test fast; the sampled EHVI scores each with 128 samples.
        Dictionary<string, string> options = new() { ["initial_points"] = "10", ["raw_samples"] = "256" };
        ExpectedHypervolumeImprovementStrategy strategy = new();

        double[] ehvi = [.. seeds.Select(s => Hypervolume.Compute(MultiObjectiveLoop.Run(strategy, problem, 20, s, options), Reference3))];
        double[] sobol = [.. seeds.Select(s => Hypervolume.Compute(MultiObjectiveLoop.Run(new SobolStrategy(), problem, 20, s, batch: 20), Reference3))];

        Assert.True(Median(ehvi) > Median(sobol), $"median hypervolume at (1.1, 1.1, 1.1): ehvi {Median(ehvi)} [{string.Join(", ", ehvi)}], sobol {Median(sobol)} [{string.Join(", ", sobol)}]");
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }
}
