namespace AutoLab.Simulators.TestFunctions;

/// <summary>Levy, d-dimensional: [-10, 10]^d, many local minima, global minimum 0 at (1, ..., 1).</summary>
public sealed class Levy : TestFunction
{
    /// <summary>Creates the function.</summary>
    /// <param name="dimension">Number of inputs (at least 1).</param>
    public Levy(int dimension)
        : base("levy", RequireDimension(dimension), -10, 10)
    {
        Optimum = new KnownOptimum(0, [Enumerable.Repeat(1.0, dimension).ToArray()]);
    }

    /// <inheritdoc />
    public override KnownOptimum Optimum { get; }

    /// <inheritdoc />
    protected override void Compute(ReadOnlySpan<double> x, Span<double> outputs)
    {
        var d = x.Length;
        var first = Math.Sin(Math.PI * W(x[0]));
        var sum = first * first;
        for (var i = 0; i < d - 1; i++)
        {
            var w = W(x[i]);
            var ripple = Math.Sin((Math.PI * w) + 1);
            sum += (w - 1) * (w - 1) * (1 + (10 * ripple * ripple));
        }

        var last = W(x[d - 1]);
        var tail = Math.Sin(2 * Math.PI * last);
        outputs[0] = sum + ((last - 1) * (last - 1) * (1 + (tail * tail)));
    }

    private static double W(double xi) => 1 + ((xi - 1) / 4);

    private static int RequireDimension(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        return dimension;
    }
}
