namespace AutoLab.ActiveLearning.Problems;

/// <summary>Hartmann 6-D on [0, 1]⁶: six local minima, global minimum ≈ −3.32237.</summary>
/// <remarks>
/// f(x) = −Σᵢ αᵢ exp(−Σⱼ Aᵢⱼ (xⱼ − Pᵢⱼ)²) with the α, A and P of Hartman (1973) as tabulated by Surjanovic
/// and Bingham; the minimiser is given to eight digits.
/// </remarks>
public sealed class Hartmann6 : SingleObjectiveProblem
{
    private static readonly double[] Alpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[] A =
    [
        10.0, 3.0, 17.0, 3.5, 1.7, 8.0,
        0.05, 10.0, 17.0, 0.1, 8.0, 14.0,
        3.0, 3.5, 1.7, 10.0, 17.0, 8.0,
        17.0, 8.0, 0.05, 10.0, 0.1, 14.0,
    ];

    private static readonly double[] P =
    [
        0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886,
        0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991,
        0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650,
        0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381,
    ];

    /// <summary>Creates the problem.</summary>
    public Hartmann6()
        : base("hartmann6", Filled(6, 0.0), Filled(6, 1.0))
    {
    }

    /// <inheritdoc/>
    public override double MinimumValue => -3.32236801141551;

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> Minimizers { get; } =
        [[0.20168952, 0.15001069, 0.47687398, 0.27533243, 0.31165162, 0.65730054]];

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        for (int i = 0; i < 4; i++)
        {
            double exponent = 0.0;
            for (int j = 0; j < 6; j++)
            {
                double d = x[j] - P[(6 * i) + j];
                exponent += A[(6 * i) + j] * d * d;
            }

            sum += Alpha[i] * Math.Exp(-exponent);
        }

        return -sum;
    }
}
