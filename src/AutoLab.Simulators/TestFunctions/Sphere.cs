namespace AutoLab.Simulators.TestFunctions;

/// <summary>Sphere, d-dimensional: [-5.12, 5.12]^d, convex, global minimum 0 at the origin.</summary>
public sealed class Sphere : TestFunction
{
    /// <summary>Creates the function.</summary>
    /// <param name="dimension">Number of inputs (at least 1).</param>
    public Sphere(int dimension)
        : base("sphere", RequireDimension(dimension), -5.12, 5.12)
    {
        Optimum = new KnownOptimum(0, [new double[dimension]]);
    }

    /// <inheritdoc />
    public override KnownOptimum Optimum { get; }

    /// <inheritdoc />
    protected override void Compute(ReadOnlySpan<double> x, Span<double> outputs)
    {
        var sum = 0.0;
        foreach (var xi in x)
        {
            sum += xi * xi;
        }

        outputs[0] = sum;
    }

    private static int RequireDimension(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        return dimension;
    }
}
