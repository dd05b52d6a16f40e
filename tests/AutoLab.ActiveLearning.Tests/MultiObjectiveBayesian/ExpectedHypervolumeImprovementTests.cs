using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.MultiObjectiveBayesian;

namespace AutoLab.ActiveLearning.Tests.MultiObjectiveBayesian;

/// <summary>
/// The closed-form 2-D EHVI equals the hypervolume improvement for a certain prediction, equals a
/// brute-force box integral of the improvement against the Gaussian density, and has the gradient its
/// finite differences give.
/// </summary>
public class ExpectedHypervolumeImprovementTests
{
    /// <summary>Closed forms agree to rounding.</summary>
    private const double ExactTolerance = 1e-12;

    /// <summary>Midpoint quadrature on a 400 × 400 grid over ±8σ: the integrand has kinks, so the error is near h² ≈ 1e-4 of the scale.</summary>
    private const double QuadratureTolerance = 2e-4;

    /// <summary>Central differences with step 1e-6 on smooth terms.</summary>
    private const double GradientTolerance = 1e-6;

    private static readonly double[] Reference = [3.0, 3.0];

    [Fact]
    public void A_certain_prediction_improves_by_the_area_it_adds_to_a_single_point_front()
    {
        ExpectedHypervolumeImprovement ehvi = new([[1.0, 1.0]], Reference);

        // y = (0.5, 2) dominates [0.5, 3] × [2, 3] (area 2.5), of which [1, 3] × [2, 3] (area 2) was dominated already.
        double value = ehvi.Evaluate(0.5, 0.0, 2.0, 0.0, []);

        Assert.Equal(0.5, value, ExactTolerance);
    }

    [Fact]
    public void A_single_point_front_matches_the_box_integral_of_the_improvement()
    {
        const double A = 1.0, B = 1.0, Mean1 = 1.2, Sigma1 = 0.5, Mean2 = 1.5, Sigma2 = 0.4;
        ExpectedHypervolumeImprovement ehvi = new([[A, B]], Reference);

        // Improvement of a single-point front by hand: y's box minus its overlap with (a, b)'s box.
        double expected = Integrate(Mean1, Sigma1, Mean2, Sigma2, (y1, y2) =>
            (Positive(Reference[0] - y1) * Positive(Reference[1] - y2)) -
            (Positive(Reference[0] - Math.Max(y1, A)) * Positive(Reference[1] - Math.Max(y2, B))));

        double value = ehvi.Evaluate(Mean1, Sigma1 * Sigma1, Mean2, Sigma2 * Sigma2, []);

        Assert.True(Math.Abs(value - expected) <= QuadratureTolerance * Math.Max(1.0, expected), $"EHVI {value}, box integral {expected}");
    }

    [Fact]
    public void A_three_point_front_matches_the_integral_of_exact_hypervolume_differences()
    {
        double[][] front = [[0.5, 2.5], [1.0, 1.5], [2.0, 0.8], [2.2, 2.2]];
        const double Mean1 = 1.3, Sigma1 = 0.6, Mean2 = 1.4, Sigma2 = 0.5;
        double before = Hypervolume.Compute(front, Reference);
        ExpectedHypervolumeImprovement ehvi = new(front, Reference);

        double expected = Integrate(Mean1, Sigma1, Mean2, Sigma2, (y1, y2) => Hypervolume.Compute([.. front, [y1, y2]], Reference) - before);
        double value = ehvi.Evaluate(Mean1, Sigma1 * Sigma1, Mean2, Sigma2 * Sigma2, []);

        Assert.Equal(3, ehvi.Front.Count);
        Assert.True(Math.Abs(value - expected) <= QuadratureTolerance * Math.Max(1.0, expected), $"EHVI {value}, integral of HV differences {expected}");
    }

    [Fact]
    public void The_gradient_matches_central_differences()
    {
        const double Step = 1e-6;
        ExpectedHypervolumeImprovement ehvi = new([[0.5, 2.5], [1.0, 1.5], [2.0, 0.8]], Reference);
        double[] at = [1.1, 0.3, 1.6, 0.2];
        double[] gradient = new double[4];

        ehvi.Evaluate(at[0], at[1], at[2], at[3], gradient);

        for (int k = 0; k < 4; k++)
        {
            double[] up = [.. at];
            double[] down = [.. at];
            up[k] += Step;
            down[k] -= Step;
            double numeric = (ehvi.Evaluate(up[0], up[1], up[2], up[3], []) - ehvi.Evaluate(down[0], down[1], down[2], down[3], [])) / (2.0 * Step);
            Assert.True(Math.Abs(gradient[k] - numeric) <= GradientTolerance, $"component {k}: analytic {gradient[k]}, numeric {numeric}");
        }
    }

    private static double Positive(double x) => Math.Max(x, 0.0);

    /// <summary>E[g(Y₁, Y₂)] for independent normals by the midpoint rule over ±8σ.</summary>
    private static double Integrate(double mean1, double sigma1, double mean2, double sigma2, Func<double, double, double> g)
    {
        const int N = 400;
        const double Span = 8.0;
        double h1 = 2.0 * Span * sigma1 / N;
        double h2 = 2.0 * Span * sigma2 / N;
        double sum = 0.0;
        for (int i = 0; i < N; i++)
        {
            double y1 = mean1 - (Span * sigma1) + ((i + 0.5) * h1);
            double w1 = Math.Exp(-0.5 * Math.Pow((y1 - mean1) / sigma1, 2.0)) / (sigma1 * Math.Sqrt(2.0 * Math.PI));
            for (int j = 0; j < N; j++)
            {
                double y2 = mean2 - (Span * sigma2) + ((j + 0.5) * h2);
                double w2 = Math.Exp(-0.5 * Math.Pow((y2 - mean2) / sigma2, 2.0)) / (sigma2 * Math.Sqrt(2.0 * Math.PI));
                sum += g(y1, y2) * w1 * w2;
            }
        }

        return sum * h1 * h2;
    }
}
