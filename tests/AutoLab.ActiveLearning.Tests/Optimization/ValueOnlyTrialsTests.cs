using AutoLab.ActiveLearning.Optimization;

namespace AutoLab.ActiveLearning.Tests.Optimization;

/// <summary>
/// With <see cref="LbfgsOptions.ValueOnlyTrials"/>, line-search trials ask for the value alone and the
/// gradient is requested only at accepted points, without changing where the minimiser ends.
/// </summary>
public class ValueOnlyTrialsTests
{
    private const double PointTolerance = 1e-4;

    [Fact]
    public void Rosenbrock_is_minimised_with_gradients_requested_only_at_accepted_points()
    {
        int valueOnly = 0;
        int withGradient = 0;
        double Rosenbrock(ReadOnlySpan<double> x, Span<double> g)
        {
            double a = 1.0 - x[0];
            double b = x[1] - (x[0] * x[0]);
            if (g.IsEmpty)
            {
                valueOnly++;
            }
            else
            {
                withGradient++;
                g[0] = (-2.0 * a) - (400.0 * x[0] * b);
                g[1] = 200.0 * b;
            }

            return (a * a) + (100.0 * b * b);
        }

        LbfgsOptions options = new() { MaxIterations = 500, GradientTolerance = 1e-8, ValueOnlyTrials = true };
        LbfgsResult result = BoundedLbfgs.Minimize(Rosenbrock, [-1.2, 1.0], [-5.0, -5.0], [5.0, 5.0], options);

        Assert.True(result.Converged, $"stopped by {result.ExitReason}");
        Assert.Equal(1.0, result.Point[0], PointTolerance);
        Assert.Equal(1.0, result.Point[1], PointTolerance);
        // One gradient at the start and one per accepted step; every trial is value-only.
        Assert.Equal(result.Iterations + 1, withGradient);
        Assert.True(valueOnly >= result.Iterations, $"each iteration tries at least one point by value; got {valueOnly} for {result.Iterations} iterations");
        Assert.Equal(valueOnly + withGradient, result.Evaluations);
    }

    [Fact]
    public void A_face_minimum_is_the_same_with_and_without_value_only_trials()
    {
        static double Shifted(ReadOnlySpan<double> x, Span<double> g)
        {
            if (!g.IsEmpty)
            {
                g[0] = 2.0 * (x[0] - 2.0);
                g[1] = 2.0 * (x[1] + 1.0);
            }

            return ((x[0] - 2.0) * (x[0] - 2.0)) + ((x[1] + 1.0) * (x[1] + 1.0));
        }

        LbfgsResult plain = BoundedLbfgs.Minimize(Shifted, [0.3, 0.7], [0.0, 0.0], [1.0, 1.0]);
        LbfgsResult lazy = BoundedLbfgs.Minimize(Shifted, [0.3, 0.7], [0.0, 0.0], [1.0, 1.0], new LbfgsOptions { ValueOnlyTrials = true });

        Assert.Equal(plain.Point, lazy.Point);
        Assert.Equal(plain.Value, lazy.Value, 1e-12);
    }
}
