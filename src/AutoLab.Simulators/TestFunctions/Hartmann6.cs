namespace AutoLab.Simulators.TestFunctions;

/// <summary>Hartmann 6-D: 6 inputs on [0, 1]^6, six local minima, global minimum ≈ -3.32237.</summary>
public sealed class Hartmann6 : TestFunction
{
    private static readonly double[] Alpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[,] A =
    {
        { 10, 3, 17, 3.5, 1.7, 8 },
        { 0.05, 10, 17, 0.1, 8, 14 },
        { 3, 3.5, 1.7, 10, 17, 8 },
        { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] P =
    {
        { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 },
        { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
        { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 },
        { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
    };

    /// <summary>Creates the function.</summary>
    public Hartmann6()
        : base("hartmann6", 6, 0, 1)
    {
    }

    /// <inheritdoc />
    public override KnownOptimum Optimum { get; } = new(
        -3.32236801141551,
        [[0.20168952, 0.15001069, 0.47687398, 0.27533243, 0.31165162, 0.65730054]]);

    /// <inheritdoc />
    protected override void Compute(ReadOnlySpan<double> x, Span<double> outputs)
    {
        var sum = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var exponent = 0.0;
            for (var j = 0; j < 6; j++)
            {
                var d = x[j] - P[i, j];
                exponent += A[i, j] * d * d;
            }

            sum += Alpha[i] * Math.Exp(-exponent);
        }

        outputs[0] = -sum;
    }
}
