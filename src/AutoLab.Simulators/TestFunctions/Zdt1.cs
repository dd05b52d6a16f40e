namespace AutoLab.Simulators.TestFunctions;

/// <summary>
/// ZDT1: n inputs on [0, 1]^n (n ≥ 2, 30 in the original), two objectives "f1" and "f2", both minimised.
/// The Pareto front is convex: f2 = 1 - √f1 for f1 in [0, 1], reached where x2 = ... = xn = 0.
/// </summary>
public sealed class Zdt1 : TestFunction
{
    /// <summary>Number of inputs in Zitzler, Deb and Thiele's original definition.</summary>
    public const int StandardDimension = 30;

    private static readonly string[] ObjectiveNames = ["f1", "f2"];

    /// <summary>Creates the function.</summary>
    /// <param name="dimension">Number of inputs (at least 2).</param>
    public Zdt1(int dimension = StandardDimension)
        : base("zdt1", RequireDimension(dimension), 0, 1)
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Outputs => ObjectiveNames;

    /// <summary>None: a two-objective function has a Pareto front, not a single minimum; see <see cref="ParetoFront"/>.</summary>
    public override KnownOptimum? Optimum => null;

    /// <summary>The front's f2 for a given f1.</summary>
    /// <param name="f1">First objective, in [0, 1].</param>
    /// <returns>1 - √f1.</returns>
    public static double ParetoF2(double f1) => 1 - Math.Sqrt(f1);

    /// <summary>A Pareto-optimal input: x1 given, the others 0.</summary>
    /// <param name="x1">First input, in [0, 1].</param>
    /// <returns>The input vector.</returns>
    public double[] ParetoOptimalPoint(double x1)
    {
        var x = new double[Dimension];
        x[0] = x1;
        return x;
    }

    /// <summary>Evenly spaced points of the true front, (f1, f2) pairs with f1 from 0 to 1.</summary>
    /// <param name="count">Number of points (at least 2).</param>
    /// <returns>The points.</returns>
    public static IReadOnlyList<(double F1, double F2)> ParetoFront(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        return [.. Enumerable.Range(0, count).Select(i => (double)i / (count - 1)).Select(f1 => (f1, ParetoF2(f1)))];
    }

    /// <inheritdoc />
    protected override void Compute(ReadOnlySpan<double> x, Span<double> outputs)
    {
        var rest = 0.0;
        for (var i = 1; i < x.Length; i++)
        {
            rest += x[i];
        }

        var g = 1 + (9 * rest / (x.Length - 1));
        outputs[0] = x[0];
        outputs[1] = g * (1 - Math.Sqrt(x[0] / g));
    }

    private static int RequireDimension(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        return dimension;
    }
}
