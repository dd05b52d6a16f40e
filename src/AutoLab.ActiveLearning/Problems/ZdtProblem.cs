namespace AutoLab.ActiveLearning.Problems;

/// <summary>
/// The shared shape of ZDT1–3 (Zitzler, Deb and Thiele 2000): n variables in [0, 1], f₁ = x₁,
/// g = 1 + 9 Σᵢ₌₂ⁿ xᵢ / (n − 1), f₂ = g · h(f₁, g). The Pareto front is where g = 1 (x₂ … xₙ = 0).
/// </summary>
public abstract class ZdtProblem : MultiObjectiveProblem
{
    /// <summary>Creates a ZDT problem.</summary>
    /// <param name="name">Short lower-case name.</param>
    /// <param name="dimension">Number of variables, at least 2 (30 in the original suite).</param>
    protected ZdtProblem(string name, int dimension)
        : base(name, Filled(RequireAtLeastTwo(dimension), 0.0), Filled(dimension, 1.0), 2)
    {
    }

    /// <summary>The number of variables of the original suite.</summary>
    public const int StandardDimension = 30;

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints)
    {
        double sum = 0.0;
        for (int i = 1; i < x.Length; i++)
        {
            sum += x[i];
        }

        double g = 1.0 + (9.0 * sum / (x.Length - 1));
        double f1 = x[0];
        objectives[0] = f1;
        objectives[1] = g * H(f1, g);
    }

    /// <inheritdoc/>
    public override double[][] ParetoFront(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        double[][] front = new double[count][];
        for (int i = 0; i < count; i++)
        {
            double f1 = FrontF1(i / (double)(count - 1));
            front[i] = [f1, H(f1, 1.0)];
        }

        return front;
    }

    /// <inheritdoc/>
    public override bool IsOnFront(ReadOnlySpan<double> objectives, double tolerance) =>
        objectives[0] >= -tolerance && objectives[0] <= 1.0 + tolerance
        && IsFrontF1(objectives[0], tolerance)
        && Math.Abs(objectives[1] - H(objectives[0], 1.0)) <= tolerance;

    /// <summary>The factor h(f₁, g) with f₂ = g · h.</summary>
    /// <param name="f1">The first objective, in [0, 1].</param>
    /// <param name="g">The distance function, at least 1.</param>
    /// <returns>h.</returns>
    protected abstract double H(double f1, double g);

    /// <summary>Maps a fraction in [0, 1] to an f₁ on the front; the identity for a connected front.</summary>
    /// <param name="fraction">Position along the front, 0 to 1.</param>
    /// <returns>f₁ of that front point.</returns>
    protected virtual double FrontF1(double fraction) => fraction;

    /// <summary>Whether f₁ lies in the front's domain; every f₁ in [0, 1] for a connected front.</summary>
    /// <param name="f1">The first objective.</param>
    /// <param name="tolerance">Allowed deviation.</param>
    /// <returns>True when a front point has this f₁.</returns>
    protected virtual bool IsFrontF1(double f1, double tolerance) => true;

    private static int RequireAtLeastTwo(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        return dimension;
    }
}
