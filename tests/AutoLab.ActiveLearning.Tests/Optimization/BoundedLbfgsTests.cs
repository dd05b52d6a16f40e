using AutoLab.ActiveLearning.Optimization;

namespace AutoLab.ActiveLearning.Tests.Optimization;

/// <summary>Projected L-BFGS finds known minima inside the box and on its faces.</summary>
public class BoundedLbfgsTests
{
    private const double PointTolerance = 1e-4;

    private static double Rosenbrock(ReadOnlySpan<double> x, Span<double> g)
    {
        double a = 1.0 - x[0];
        double b = x[1] - (x[0] * x[0]);
        g[0] = (-2.0 * a) - (400.0 * x[0] * b);
        g[1] = 200.0 * b;
        return (a * a) + (100.0 * b * b);
    }

    [Fact]
    public void Rosenbrock_minimum_is_found_from_the_classic_start()
    {
        LbfgsResult result = BoundedLbfgs.Minimize(Rosenbrock, [-1.2, 1.0], [-5.0, -5.0], [5.0, 5.0], new LbfgsOptions { MaxIterations = 500, GradientTolerance = 1e-8 });

        Assert.True(result.Converged, $"stopped by {result.ExitReason}");
        Assert.Equal(1.0, result.Point[0], PointTolerance);
        Assert.Equal(1.0, result.Point[1], PointTolerance);
    }

    [Fact]
    public void A_minimum_outside_the_box_is_found_on_its_face()
    {
        // f = (x − 2)² + (y + 1)², unconstrained minimum (2, −1); in [0, 1]² it is at (1, 0).
        static double Shifted(ReadOnlySpan<double> x, Span<double> g)
        {
            g[0] = 2.0 * (x[0] - 2.0);
            g[1] = 2.0 * (x[1] + 1.0);
            return ((x[0] - 2.0) * (x[0] - 2.0)) + ((x[1] + 1.0) * (x[1] + 1.0));
        }

        LbfgsResult result = BoundedLbfgs.Minimize(Shifted, [0.3, 0.7], [0.0, 0.0], [1.0, 1.0]);

        Assert.Equal(LbfgsExitReason.GradientTolerance, result.ExitReason);
        Assert.Equal([1.0, 0.0], result.Point);
        Assert.Equal(2.0, result.Value, 1e-12);
    }

    [Fact]
    public void A_start_where_the_function_is_not_finite_is_reported()
    {
        LbfgsResult result = BoundedLbfgs.Minimize((x, g) => double.NaN, [0.5], [0.0], [1.0]);

        Assert.Equal(LbfgsExitReason.NonFiniteStart, result.ExitReason);
        Assert.False(result.Converged);
    }
}
