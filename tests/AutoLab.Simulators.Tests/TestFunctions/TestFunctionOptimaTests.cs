using AutoLab.Simulators.TestFunctions;

namespace AutoLab.Simulators.Tests.TestFunctions;

/// <summary>
/// Each test function reaches its published minimum at its published minimisers, and no sampled point of
/// its domain goes below it: the catalogue's optima are the truth optimizers are judged against.
/// </summary>
public sealed class TestFunctionOptimaTests
{
    /// <summary>Analytic optima (exact up to rounding in the formula).</summary>
    private const double AnalyticTolerance = 1e-9;

    /// <summary>Hartmann 6-D's minimiser is published to 8 digits, which bounds how close its value can come.</summary>
    private const double Hartmann6Tolerance = 1e-6;

    /// <summary>Random points per function for the lower-bound check.</summary>
    private const int Samples = 5000;

    public static TheoryData<string, TestFunction, double> SingleObjective => new()
    {
        { "branin", new Branin(), AnalyticTolerance },
        { "hartmann6", new Hartmann6(), Hartmann6Tolerance },
        { "ackley 1-D", new Ackley(1), AnalyticTolerance },
        { "ackley 5-D", new Ackley(5), AnalyticTolerance },
        { "rosenbrock 2-D", new Rosenbrock(2), AnalyticTolerance },
        { "rosenbrock 6-D", new Rosenbrock(6), AnalyticTolerance },
        { "levy 3-D", new Levy(3), AnalyticTolerance },
        { "sphere 4-D", new Sphere(4), AnalyticTolerance },
    };

    [Theory]
    [MemberData(nameof(SingleObjective))]
    public void Every_published_minimiser_reaches_the_published_minimum(string label, TestFunction function, double tolerance)
    {
        var optimum = function.Optimum!;

        foreach (var location in optimum.Locations)
        {
            var value = function.Evaluate([.. location])[0];
            Assert.True(Math.Abs(value - optimum.Value) <= tolerance, $"{label} at ({string.Join(", ", location)}) = {value}, expected {optimum.Value} ± {tolerance}");
            Assert.Null(function.FindDomainViolation([.. location], [.. Enumerable.Range(1, function.Dimension).Select(i => $"x{i}")]));
        }
    }

    [Theory]
    [MemberData(nameof(SingleObjective))]
    public void No_sampled_point_goes_below_the_minimum(string label, TestFunction function, double tolerance)
    {
        var random = new Random(20260101);
        var x = new double[function.Dimension];

        for (var n = 0; n < Samples; n++)
        {
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = function.LowerBounds[i] + (random.NextDouble() * (function.UpperBounds[i] - function.LowerBounds[i]));
            }

            var value = function.Evaluate(x)[0];
            Assert.True(value >= function.Optimum!.Value - tolerance, $"{label} at ({string.Join(", ", x)}) = {value} is below its published minimum {function.Optimum.Value}");
        }
    }

    [Theory]
    [InlineData("branin", new[] { 0.0, 0.0 }, 55.602112642270262)]
    [InlineData("rosenbrock", new[] { 0.0, 0.0 }, 1.0)]
    [InlineData("sphere", new[] { 1.0, 2.0 }, 5.0)]
    [InlineData("levy", new[] { 1.0, 1.0 }, 0.0)]
    public void Values_at_reference_points_match_the_definitions(string name, double[] x, double expected)
    {
        var value = TestFunctionCatalog.Create(name, x.Length).Evaluate(x)[0];

        Assert.Equal(expected, value, AnalyticTolerance);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(1.0)]
    public void Zdt1_pareto_optimal_points_lie_on_the_front(double x1)
    {
        var zdt1 = new Zdt1();

        var f = zdt1.Evaluate(zdt1.ParetoOptimalPoint(x1));

        Assert.Equal(["f1", "f2"], zdt1.Outputs);
        Assert.Equal(x1, f[0], AnalyticTolerance);
        Assert.Equal(Zdt1.ParetoF2(x1), f[1], AnalyticTolerance);
    }

    [Fact]
    public void Zdt1_points_off_the_front_are_dominated_by_it()
    {
        var zdt1 = new Zdt1(3);

        var f = zdt1.Evaluate([0.25, 1.0, 1.0]);

        Assert.Equal(10 * (1 - Math.Sqrt(0.025)), f[1], AnalyticTolerance);
        Assert.True(f[1] > Zdt1.ParetoF2(f[0]), "g > 1 away from x2..xn = 0 lifts f2 above the front");
        Assert.Null(zdt1.Optimum);
    }

    [Fact]
    public void The_zdt1_front_runs_from_0_1_to_1_0()
    {
        var front = Zdt1.ParetoFront(5);

        Assert.Equal((0.0, 1.0), front[0]);
        Assert.Equal((1.0, 0.0), front[^1]);
        Assert.Equal((0.25, 0.5), (front[1].F1, Math.Round(front[1].F2, 12)));
    }

    [Fact]
    public void A_point_with_the_wrong_number_of_inputs_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Branin().Evaluate([1.0, 2.0, 3.0]));

        Assert.StartsWith("branin takes 2 inputs, not 3", error.Message, StringComparison.Ordinal);
    }
}
