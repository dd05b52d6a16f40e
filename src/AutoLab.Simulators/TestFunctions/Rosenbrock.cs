namespace AutoLab.Simulators.TestFunctions;

/// <summary>Rosenbrock, d-dimensional (d ≥ 2): [-5, 10]^d, a narrow curved valley, global minimum 0 at (1, ..., 1).</summary>
public sealed class Rosenbrock : TestFunction
{
    /// <summary>Creates the function.</summary>
    /// <param name="dimension">Number of inputs (at least 2).</param>
    public Rosenbrock(int dimension)
        : base("rosenbrock", RequireDimension(dimension), -5, 10)
    {
        Optimum = new KnownOptimum(0, [Enumerable.Repeat(1.0, dimension).ToArray()]);
    }

    /// <inheritdoc />
    public override KnownOptimum Optimum { get; }

    /// <inheritdoc />
    protected override void Compute(ReadOnlySpan<double> x, Span<double> outputs)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            var valley = x[i + 1] - (x[i] * x[i]);
            var offset = x[i] - 1;
            sum += (100 * valley * valley) + (offset * offset);
        }

        outputs[0] = sum;
    }

    private static int RequireDimension(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        return dimension;
    }
}
