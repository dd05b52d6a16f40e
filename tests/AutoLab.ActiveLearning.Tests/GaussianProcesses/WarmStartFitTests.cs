using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Tests.GaussianProcesses;

/// <summary>
/// The subset warm start of the hyperparameter fit (<see cref="GaussianProcessOptions.WarmStartPoints"/>): it must
/// reach the likelihood a cold fit reaches while spending fewer full-data evaluations, stay out of the way on small
/// data, and be as deterministic as the rest of the fit.
/// </summary>
public class WarmStartFitTests
{
    // Both fits stop on the same relative tolerance (2.2e-9 of |log p| ≈ 300 nats), so they agree to about 1e-6.
    private const double LikelihoodTolerance = 1e-5;
    private const int Points = 400;
    private const int SubsetPoints = 100;

    [Fact]
    public void Warm_started_fit_reaches_the_cold_fits_likelihood_with_fewer_full_evaluations()
    {
        (double[][] x, double[] y) = NoisyHartmann6(Points, seed: 1);

        GaussianProcess cold = GaussianProcess.Fit(x, y, new GaussianProcessOptions { WarmStartPoints = 0 }, seed: 1);
        GaussianProcess warm = GaussianProcess.Fit(x, y, new GaussianProcessOptions { WarmStartPoints = SubsetPoints }, seed: 1);

        Assert.True(
            warm.LogMarginalLikelihood >= cold.LogMarginalLikelihood - LikelihoodTolerance,
            $"warm start reached {warm.LogMarginalLikelihood:R} nats, cold {cold.LogMarginalLikelihood:R}");
        Assert.True(
            warm.FitEvaluations < cold.FitEvaluations,
            $"the warm start should save full-data evaluations: {warm.FitEvaluations} against {cold.FitEvaluations}");
        Assert.True(warm.WarmStartEvaluations > 0, "the subset stage should have run");
        Assert.Equal(0, cold.WarmStartEvaluations);
    }

    [Fact]
    public void Warm_start_is_skipped_below_twice_the_subset_size()
    {
        (double[][] x, double[] y) = NoisyHartmann6((2 * SubsetPoints) - 1, seed: 2);

        GaussianProcess plain = GaussianProcess.Fit(x, y, new GaussianProcessOptions { WarmStartPoints = 0 }, seed: 3);
        GaussianProcess small = GaussianProcess.Fit(x, y, new GaussianProcessOptions { WarmStartPoints = SubsetPoints }, seed: 3);

        Assert.Equal(0, small.WarmStartEvaluations);
        Assert.Equal(plain.FitEvaluations, small.FitEvaluations);
        Assert.Equal(plain.LogMarginalLikelihood, small.LogMarginalLikelihood);
        Assert.Equal(plain.Hyperparameters.LengthScales, small.Hyperparameters.LengthScales);
    }

    [Fact]
    public void Same_seed_gives_the_same_warm_started_fit()
    {
        (double[][] x, double[] y) = NoisyHartmann6(3 * SubsetPoints, seed: 4);
        GaussianProcessOptions options = new() { WarmStartPoints = SubsetPoints };

        GaussianProcess first = GaussianProcess.Fit(x, y, options, seed: 7);
        GaussianProcess second = GaussianProcess.Fit(x, y, options, seed: 7);

        Assert.Equal(first.LogMarginalLikelihood, second.LogMarginalLikelihood);
        Assert.Equal(first.Hyperparameters.LengthScales, second.Hyperparameters.LengthScales);
        Assert.Equal(first.Hyperparameters.NoiseVariance, second.Hyperparameters.NoiseVariance);
        Assert.Equal(first.FitEvaluations, second.FitEvaluations);
    }

    [Fact]
    public void Negative_warm_start_size_is_refused()
    {
        (double[][] x, double[] y) = NoisyHartmann6(20, seed: 5);

        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianProcess.Fit(x, y, new GaussianProcessOptions { WarmStartPoints = -1 }));
    }

    /// <summary>Uniform points in [0, 1]⁶ and Hartmann6 plus Gaussian noise of 0.05, as the fit benchmark uses.</summary>
    private static (double[][] X, double[] Y) NoisyHartmann6(int n, long seed)
    {
        Hartmann6 problem = new();
        SplitMix64 random = new((ulong)seed);
        double[][] x = [.. Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, 6).Select(_ => random.NextDouble()).ToArray())];
        double[] y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = 1.0 - random.NextDouble();
            double v = random.NextDouble();
            y[i] = problem.Value(x[i]) + (0.05 * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v));
        }

        return (x, y);
    }
}
