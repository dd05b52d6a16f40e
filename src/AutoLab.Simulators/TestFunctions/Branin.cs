namespace AutoLab.Simulators.TestFunctions;

/// <summary>Branin-Hoo: 2 inputs on [-5, 10] x [0, 15], three global minima of 5/(4π) ≈ 0.397887.</summary>
public sealed class Branin : TestFunction
{
    private const double A = 1;
    private const double B = 5.1 / (4 * Math.PI * Math.PI);
    private const double C = 5 / Math.PI;
    private const double R = 6;
    private const double S = 10;
    private const double T = 1 / (8 * Math.PI);

    /// <summary>Creates the function.</summary>
    public Branin()
        : base("branin", [-5.0, 0.0], [10.0, 15.0])
    {
    }

    /// <inheritdoc />
    public override KnownOptimum Optimum { get; } = new(
        5 / (4 * Math.PI),
        [[-Math.PI, 12.275], [Math.PI, 2.275], [3 * Math.PI, 2.475]]);

    /// <inheritdoc />
    protected override void Compute(ReadOnlySpan<double> x, Span<double> outputs)
    {
        var bowl = x[1] - (B * x[0] * x[0]) + (C * x[0]) - R;
        outputs[0] = (A * bowl * bowl) + (S * (1 - T) * Math.Cos(x[0])) + S;
    }
}
