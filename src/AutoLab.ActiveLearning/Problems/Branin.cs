namespace AutoLab.ActiveLearning.Problems;

/// <summary>
/// Branin–Hoo, 2-D on [−5, 10] × [0, 15]: three global minima of 5/(4π) ≈ 0.397887 at (−π, 12.275),
/// (π, 2.275) and (3π, 2.475).
/// </summary>
/// <remarks>
/// f(x) = (x₂ − 5.1x₁²/(4π²) + 5x₁/π − 6)² + 10(1 − 1/(8π))cos x₁ + 10 (Dixon and Szegő 1978;
/// the constants of the Surjanovic–Bingham library).
/// </remarks>
public sealed class Branin : SingleObjectiveProblem
{
    private const double B = 5.1 / (4.0 * Math.PI * Math.PI);
    private const double C = 5.0 / Math.PI;
    private const double T = 1.0 / (8.0 * Math.PI);

    /// <summary>Creates the problem.</summary>
    public Branin()
        : base("branin", [-5.0, 0.0], [10.0, 15.0])
    {
    }

    /// <inheritdoc/>
    public override double MinimumValue => 5.0 / (4.0 * Math.PI);

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> Minimizers { get; } =
        [[-Math.PI, 12.275], [Math.PI, 2.275], [3.0 * Math.PI, 2.475]];

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> x)
    {
        double x1 = x[0];
        double inner = x[1] - (B * x1 * x1) + (C * x1) - 6.0;
        return (inner * inner) + (10.0 * (1.0 - T) * Math.Cos(x1)) + 10.0;
    }
}
