using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Tests.GaussianProcesses;

/// <summary>
/// The GP posterior against a two-point example solved by hand, the analytic gradients against finite
/// differences, and fantasies against refitting.
/// </summary>
public class GaussianProcessTests
{
    private const double ExactTolerance = 1e-10;
    private const double FiniteDifferenceStep = 1e-5;
    private const double GradientRelativeTolerance = 1e-5;

    [Fact]
    public void Two_point_posterior_matches_the_hand_computed_solution()
    {
        // RBF, ℓ = 1, s² = 1, σₙ² = 0.01, data (0, 1) and (1, −1), no standardisation. With a = 1 + σₙ²,
        // b = e^(−1/2) and k* = (1, b) at x* = 0: μ = (1 − b)/(a − b), σ² = 1 − (a − 2b² + ab²)/(a² − b²).
        const double Noise = 0.01;
        GaussianProcessHyperparameters theta = new() { LengthScales = [1.0], SignalVariance = 1.0, NoiseVariance = Noise };
        GaussianProcess process = GaussianProcess.Create([[0.0], [1.0]], [1.0, -1.0], theta, KernelKind.Rbf, standardise: false, jitter: 0.0);

        Posterior posterior = process.Predict([0.0]);

        double a = 1.0 + Noise;
        double b = Math.Exp(-0.5);
        Assert.Equal((1.0 - b) / (a - b), posterior.Mean, ExactTolerance);
        Assert.Equal(1.0 - ((a - (2.0 * b * b) + (a * b * b)) / ((a * a) - (b * b))), posterior.Variance, ExactTolerance);
        Assert.Equal(0.0, process.Predict([0.5]).Mean, ExactTolerance);
    }

    [Fact]
    public void Log_marginal_likelihood_of_one_point_is_the_normal_log_density()
    {
        // n = 1: K = s² + σₙ², log p = −y²/(2K) − ½ log(2πK).
        double[] theta = [Math.Log(0.3), Math.Log(1.5), Math.Log(0.2)];
        double value = GaussianProcess.LogLikelihood([[0.4]], [0.7], theta, [], KernelKind.Matern52, jitter: 0.0);

        double k = 1.5 + 0.2;
        Assert.Equal((-0.7 * 0.7 / (2.0 * k)) - (0.5 * Math.Log(2.0 * Math.PI * k)), value, ExactTolerance);
    }

    [Theory]
    [InlineData(KernelKind.Matern52)]
    [InlineData(KernelKind.Rbf)]
    public void Log_marginal_likelihood_gradient_matches_finite_differences(KernelKind kernel)
    {
        (double[][] x, double[] y) = Data(12, 3, seed: 5);
        double[] theta = [Math.Log(0.3), Math.Log(0.6), Math.Log(1.2), Math.Log(0.8), Math.Log(0.05)];
        double[] gradient = new double[theta.Length];

        GaussianProcess.LogLikelihood(x, y, theta, gradient, kernel);

        for (int k = 0; k < theta.Length; k++)
        {
            double[] up = [.. theta];
            double[] down = [.. theta];
            up[k] += FiniteDifferenceStep;
            down[k] -= FiniteDifferenceStep;
            double numeric = (GaussianProcess.LogLikelihood(x, y, up, [], kernel) - GaussianProcess.LogLikelihood(x, y, down, [], kernel)) / (2.0 * FiniteDifferenceStep);
            Assert.True(
                Math.Abs(numeric - gradient[k]) <= GradientRelativeTolerance * Math.Max(1.0, Math.Abs(numeric)),
                $"hyperparameter {k}: analytic {gradient[k]}, finite difference {numeric}");
        }
    }

    [Theory]
    [InlineData(KernelKind.Matern52)]
    [InlineData(KernelKind.Rbf)]
    public void Posterior_gradients_match_finite_differences(KernelKind kernel)
    {
        (double[][] x, double[] y) = Data(15, 2, seed: 9);
        GaussianProcess process = GaussianProcess.Fit(x, y, new GaussianProcessOptions { Kernel = kernel }, seed: 1);
        double[] at = [0.37, 0.61];

        Posterior posterior = process.Predict(at, withGradient: true);

        for (int k = 0; k < at.Length; k++)
        {
            double[] up = [.. at];
            double[] down = [.. at];
            up[k] += FiniteDifferenceStep;
            down[k] -= FiniteDifferenceStep;
            double meanSlope = (process.Predict(up).Mean - process.Predict(down).Mean) / (2.0 * FiniteDifferenceStep);
            double varianceSlope = (process.Predict(up).Variance - process.Predict(down).Variance) / (2.0 * FiniteDifferenceStep);
            Assert.Equal(meanSlope, posterior.MeanGradient[k], 1e-5 * Math.Max(1.0, Math.Abs(meanSlope)));
            Assert.Equal(varianceSlope, posterior.VarianceGradient[k], 1e-5 * Math.Max(1.0, Math.Abs(varianceSlope)));
        }
    }

    [Fact]
    public void Fitting_recovers_a_smooth_function_and_beats_the_default_start()
    {
        (double[][] x, double[] y) = Data(40, 2, seed: 3);

        GaussianProcess process = GaussianProcess.Fit(x, y, seed: 7);
        double defaultStart = GaussianProcess.LogLikelihood(x, Standardise(y), [Math.Log(0.5), Math.Log(0.5), 0.0, Math.Log(1e-2)], []);

        Assert.True(process.LogMarginalLikelihood >= defaultStart, $"fitted LML {process.LogMarginalLikelihood} below the default start's {defaultStart}");
        double[] probe = [0.42, 0.27];
        Assert.Equal(Smooth(probe), process.Predict(probe).Mean, 0.05);
    }

    [Fact]
    public void A_fantasy_equals_conditioning_from_scratch_at_the_same_hyperparameters()
    {
        (double[][] x, double[] y) = Data(10, 2, seed: 4);
        GaussianProcessHyperparameters theta = new() { LengthScales = [0.4, 0.3], SignalVariance = 1.3, NoiseVariance = 1e-4 };
        GaussianProcess grown = GaussianProcess.Create(x, y, theta, standardise: false);
        GaussianProcess direct = GaussianProcess.Create([.. x, [0.5, 0.5]], [.. y, 0.25], theta, standardise: false);

        Assert.True(grown.AddObservation([0.5, 0.5], 0.25));

        double[] probe = [0.45, 0.55];
        Assert.Equal(direct.Predict(probe).Mean, grown.Predict(probe).Mean, 1e-9);
        Assert.Equal(direct.Predict(probe).Variance, grown.Predict(probe).Variance, 1e-9);
        Assert.Equal(11, grown.Count);
    }

    [Fact]
    public void A_subset_fit_still_conditions_on_every_observation()
    {
        (double[][] x, double[] y) = Data(60, 2, seed: 6);

        GaussianProcess process = GaussianProcess.Fit(x, y, new GaussianProcessOptions { MaxFitPoints = 20 }, seed: 2);

        Assert.Equal(60, process.Count);
        double[] theta = [.. process.Hyperparameters.LengthScales.Select(l => Math.Log(l)), Math.Log(process.Hyperparameters.SignalVariance), Math.Log(process.Hyperparameters.NoiseVariance)];
        Assert.Equal(GaussianProcess.LogLikelihood(x, Standardise(y), theta, []), process.LogMarginalLikelihood, 1e-9);
        Assert.Equal(y[17], process.Predict(x[17]).Mean, 1e-3);
    }

    [Fact]
    public void Batch_prediction_equals_one_point_prediction()
    {
        (double[][] x, double[] y) = Data(30, 3, seed: 2);
        GaussianProcess process = GaussianProcess.Fit(x, y, seed: 1);
        double[][] probes = [.. Enumerable.Range(0, 300).Select(i => new[] { (i % 7) / 7.0, (i % 11) / 11.0, (i % 13) / 13.0 })];
        double[] means = new double[probes.Length];
        double[] variances = new double[probes.Length];

        process.PredictMany(probes, means, variances);

        for (int i = 0; i < probes.Length; i++)
        {
            Posterior one = process.Predict(probes[i]);
            Assert.Equal(one.Mean, means[i], 1e-10);
            Assert.Equal(one.Variance, variances[i], 1e-10);
        }
    }

    internal static double Smooth(double[] x) => Math.Sin(3.0 * x[0]) + Math.Cos(2.0 * x[^1]) + (0.5 * x[0] * x[^1]);

    private static (double[][] X, double[] Y) Data(int n, int d, long seed)
    {
        SplitMix64 random = new((ulong)seed);
        double[][] x = [.. Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble()).ToArray())];
        return (x, [.. x.Select(Smooth)]);
    }

    private static double[] Standardise(double[] y)
    {
        double mean = y.Average();
        double sd = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Length);
        return [.. y.Select(v => (v - mean) / sd)];
    }
}
