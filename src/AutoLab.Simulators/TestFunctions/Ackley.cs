namespace AutoLab.Simulators.TestFunctions;

/// <summary>Ackley, d-dimensional: [-32.768, 32.768]^d, many local minima, global minimum 0 at the origin.</summary>
public sealed class Ackley : TestFunction
{
    private const double A = 20;
    private const double B = 0.2;
    private const double C = 2 * Math.PI;

    /// <summary>Creates the function.</summary>
    /// <param name="dimension">Number of inputs (at least 1).</param>
    public Ackley(int dimension)
        : base("ackley", RequireDimension(dimension), -32.768, 32.768)
    {
        Optimum = new KnownOptimum(0, [new double[dimension]]);
    }

    /// <inheritdoc />
    public override KnownOptimum Optimum { get; }

    /// <inheritdoc />
    protected override void Compute(ReadOnlySpan<double> x, Span<double> outputs)
    {
        double squares = 0, cosines = 0;
        foreach (var xi in x)
        {
            squares += xi * xi;
            cosines += Math.Cos(C * xi);
        }

        outputs[0] = (-A * Math.Exp(-B * Math.Sqrt(squares / x.Length))) - Math.Exp(cosines / x.Length) + A + Math.E;
    }

    private static int RequireDimension(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        return dimension;
    }
}
