using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Tests.Bayesian;

/// <summary>
/// Monte-Carlo q-EI batches of "bo" (<c>batch: qei</c>): the sample average agrees with analytic EI for one point,
/// the batch differs from the kriging believer's, beats random points, treats pending points jointly, and is
/// deterministic.
/// </summary>
public class MonteCarloBatchTests
{
    /// <summary>Φ(Φ⁻¹(p)) = p to about machine precision after the Halley step, relative to the smaller tail.</summary>
    private const double QuantileRelativeTolerance = 1e-12;

    /// <summary>Near p = 1 the double p itself is only known to about this, absolutely.</summary>
    private const double RoundingFloor = 1e-15;

    /// <summary>512 Sobol-normal samples estimate one point's EI to a few per cent; the greedy pick must be that close to the best analytic EI.</summary>
    private const double MonteCarloRelativeTolerance = 0.05;

    private static readonly BayesianOptimizationStrategy Strategy = new();

    [Theory]
    [InlineData(1e-10)]
    [InlineData(0.01)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.97)]
    [InlineData(1.0 - 1e-9)]
    public void Normal_quantile_inverts_the_distribution(double p)
    {
        double z = NormalDistribution.InverseCdf(p);

        double error = Math.Abs(NormalDistribution.Cdf(z) - p);
        Assert.True(error <= (QuantileRelativeTolerance * Math.Min(p, 1.0 - p)) + RoundingFloor, $"Φ(Φ⁻¹({p})) is off by {error}");
    }

    [Fact]
    public void One_point_pick_has_nearly_the_largest_analytic_expected_improvement()
    {
        Branin problem = new();
        SobolSequence design = new(2, SobolScramble.Owen, 3);
        double[][] x = [.. Enumerable.Range(0, 10).Select(i => design.Element(i))];
        double[] y = [.. x.Select(u => -problem.Value([-5.0 + (15.0 * u[0]), 15.0 * u[1]]))];
        GaussianProcess process = GaussianProcess.Fit(x, y, seed: 1);
        SobolSequence sobol = new(2, SobolScramble.Owen, 9);
        double[][] candidates = [.. Enumerable.Range(0, 64).Select(i => sobol.Element(i))];
        double incumbent = y.Max();

        int pick = MonteCarloExpectedImprovement.Choose(x, y, process.Hyperparameters, KernelKind.Matern52, [], candidates, incumbent, 1, seed: 5)[0];

        double[] analytic = [.. candidates.Select(c => ExpectedImprovement(process.Predict(c), incumbent))];
        Assert.True(
            analytic[pick] >= (1.0 - MonteCarloRelativeTolerance) * analytic.Max(),
            $"picked EI {analytic[pick]}, best analytic EI {analytic.Max()}");
    }

    [Fact]
    public void A_qei_batch_of_four_differs_from_the_believer_batch()
    {
        SuggestionRequest request = BayesianOptimizationStrategyTests.BraninRequest(count: 4, seed: 5);

        double[][] believer = Units(request, Strategy.Suggest(request));
        double[][] qei = Units(request, Strategy.Suggest(WithQei(request)));

        Assert.Equal(4, qei.Length);
        Assert.Contains(qei, point => believer.All(other => Distance(point, other) > 1e-3));
        for (int i = 0; i < qei.Length; i++)
        {
            for (int j = i + 1; j < qei.Length; j++)
            {
                Assert.True(Distance(qei[i], qei[j]) > 1e-3, $"q-EI points {i} and {j} coincide");
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_qei_batch()
    {
        SuggestionRequest request = WithQei(BayesianOptimizationStrategyTests.BraninRequest(count: 4, seed: 7));

        Assert.Equal(Units(request, Strategy.Suggest(request)), Units(request, Strategy.Suggest(request)));
    }

    [Fact]
    public void Qei_batches_find_lower_branin_values_than_random_batches()
    {
        Branin problem = new();
        double qeiTotal = 0.0;
        double randomTotal = 0.0;
        for (long seed = 1; seed <= 4; seed++)
        {
            SuggestionRequest request = BayesianOptimizationStrategyTests.BraninRequest(count: 4, seed: seed);
            qeiTotal += Strategy.Suggest(WithQei(request)).Min(p => problem.Value([p.Values["x1"], p.Values["x2"]]));
            randomTotal += new RandomStrategy().Suggest(request).Min(p => problem.Value([p.Values["x1"], p.Values["x2"]]));
        }

        Assert.True(qeiTotal < randomTotal, $"mean best of a q-EI batch {qeiTotal / 4} should be below a random batch's {randomTotal / 4}");
    }

    [Fact]
    public void Pending_points_change_the_qei_batch()
    {
        SuggestionRequest request = WithQei(BayesianOptimizationStrategyTests.BraninRequest(count: 2, seed: 3));
        IReadOnlyList<ParameterPoint> alone = Strategy.Suggest(request);

        IReadOnlyList<ParameterPoint> withPending = Strategy.Suggest(request with { Pending = [alone[0]] });

        Assert.True(Distance(request.Space.ToUnit(alone[0]), request.Space.ToUnit(withPending[0])) > 1e-3, "the pending point must not be suggested again");
    }

    [Fact]
    public void Qei_with_another_acquisition_is_refused()
    {
        SuggestionRequest request = BayesianOptimizationStrategyTests.BraninRequest(count: 2, seed: 1) with
        {
            Options = new StrategyOptions(new Dictionary<string, string> { ["batch"] = "qei", ["acquisition"] = "ucb" }),
        };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request));
        Assert.Contains("qei", error.Message, StringComparison.Ordinal);
    }

    private static SuggestionRequest WithQei(SuggestionRequest request) =>
        request with { Options = new StrategyOptions(new Dictionary<string, string> { ["batch"] = "qei" }) };

    private static double ExpectedImprovement(Posterior posterior, double incumbent)
    {
        double sd = Math.Sqrt(posterior.Variance);
        double z = (posterior.Mean - incumbent) / sd;
        return sd * ((z * NormalDistribution.Cdf(z)) + NormalDistribution.Pdf(z));
    }

    private static double[][] Units(SuggestionRequest request, IEnumerable<ParameterPoint> points) => [.. points.Select(request.Space.ToUnit)];

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (u, v) => (u - v) * (u - v)).Sum());
}
