namespace AutoLab.ActiveLearning.Problems;

/// <summary>Ackley, d-dimensional on [−32.768, 32.768]^d: many local minima, global minimum 0 at the origin.</summary>
/// <remarks>f(x) = −20 exp(−0.2 √(Σxᵢ²/d)) − exp(Σ cos(2πxᵢ)/d) + 20 + e (Ackley 1987, the usual constants a = 20, b = 0.2, c = 2π).</remarks>
public sealed class Ackley : SingleObjectiveProblem
{
    /// <summary>Creates the problem.</summary>
    /// <param name="dimension">Number of variables, at least 1.</param>
    public Ackley(int dimension)
        : base("ackley", Filled(dimension, -32.768), Filled(dimension, 32.768))
    {
        Minimizers = [new double[dimension]];
    }

    /// <inheritdoc/>
    public override double MinimumValue => 0.0;

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> Minimizers { get; }

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> x)
    {
        double squares = 0.0;
        double cosines = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            squares += x[i] * x[i];
            cosines += Math.Cos(2.0 * Math.PI * x[i]);
        }

        double n = x.Length;
        return (-20.0 * Math.Exp(-0.2 * Math.Sqrt(squares / n))) - Math.Exp(cosines / n) + 20.0 + Math.E;
    }
}
