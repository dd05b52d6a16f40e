using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.GaussianProcesses;

namespace AutoLab.ActiveLearning.Tests.Bayesian;

/// <summary>Acquisition values against closed forms on known moments, and their gradients against finite differences on a fitted GP.</summary>
public class AcquisitionTests
{
    private const double Exact = 1e-12;

    [Fact]
    public void Expected_improvement_at_the_incumbent_is_sigma_over_root_two_pi()
    {
        // z = 0: EI = σ(φ(0) + 0) = σ/√(2π).
        Acquisition ei = new(AcquisitionKind.ExpectedImprovement, incumbent: 1.0);

        double value = ei.FromMoments(1.0, 4.0, out _, out _);

        Assert.Equal(Math.Log(2.0 / Math.Sqrt(2.0 * Math.PI)), value, Exact);
    }

    [Fact]
    public void Probability_of_improvement_and_ucb_match_their_formulas()
    {
        Acquisition pi = new(AcquisitionKind.ProbabilityOfImprovement, incumbent: 0.0);
        Acquisition ucb = new(AcquisitionKind.UpperConfidenceBound, beta: 9.0);

        Assert.Equal(Math.Log(0.5), pi.FromMoments(0.0, 1.0, out _, out _), Exact);
        Assert.Equal(2.0 + (3.0 * 0.5), ucb.FromMoments(2.0, 0.25, out _, out _), Exact);
    }

    [Fact]
    public void Log_ei_stays_finite_and_ordered_far_below_the_incumbent()
    {
        Acquisition ei = new(AcquisitionKind.ExpectedImprovement, incumbent: 0.0);

        double far = ei.FromMoments(-50.0, 1.0, out _, out _);
        double farther = ei.FromMoments(-60.0, 1.0, out _, out _);

        Assert.True(double.IsFinite(farther), "log EI must not underflow where EI itself is 0 in doubles");
        Assert.True(far > farther, "a point closer to the incumbent must score higher");
    }

    [Theory]
    [InlineData(AcquisitionKind.ExpectedImprovement)]
    [InlineData(AcquisitionKind.ProbabilityOfImprovement)]
    [InlineData(AcquisitionKind.UpperConfidenceBound)]
    [InlineData(AcquisitionKind.Variance)]
    public void Gradients_match_finite_differences(AcquisitionKind kind)
    {
        const double Step = 1e-6;
        double[][] x = [[0.1, 0.2], [0.8, 0.3], [0.4, 0.9], [0.6, 0.6], [0.2, 0.7], [0.9, 0.9]];
        double[] y = [.. x.Select(p => Math.Sin(4.0 * p[0]) - (p[1] * p[1]))];
        GaussianProcess process = GaussianProcess.Fit(x, y, seed: 1);
        Acquisition acquisition = new(kind, incumbent: y.Max(), beta: 4.0);
        double[] at = [0.47, 0.33];
        double[] gradient = new double[2];

        acquisition.Evaluate(process, at, gradient);

        for (int k = 0; k < 2; k++)
        {
            double[] up = [.. at];
            double[] down = [.. at];
            up[k] += Step;
            down[k] -= Step;
            double numeric = (acquisition.Evaluate(process, up, []) - acquisition.Evaluate(process, down, [])) / (2.0 * Step);
            Assert.True(Math.Abs(numeric - gradient[k]) <= 1e-5 * Math.Max(1.0, Math.Abs(numeric)), $"{kind} coordinate {k}: analytic {gradient[k]}, finite difference {numeric}");
        }
    }
}
