namespace AutoLab.ActiveLearning.Problems;

/// <summary>Rosenbrock, d-dimensional on [−5, 10]^d: a curved valley, global minimum 0 at (1, …, 1).</summary>
/// <remarks>f(x) = Σᵢ₌₁^{d−1} [100(xᵢ₊₁ − xᵢ²)² + (xᵢ − 1)²] (Rosenbrock 1960; bounds of Surjanovic and Bingham).</remarks>
public sealed class Rosenbrock : SingleObjectiveProblem
{
    /// <summary>Creates the problem.</summary>
    /// <param name="dimension">Number of variables, at least 2.</param>
    public Rosenbrock(int dimension)
        : base("rosenbrock", Filled(RequireAtLeastTwo(dimension), -5.0), Filled(dimension, 10.0))
    {
        Minimizers = [Filled(dimension, 1.0)];
    }

    /// <inheritdoc/>
    public override double MinimumValue => 0.0;

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> Minimizers { get; }

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            double valley = x[i + 1] - (x[i] * x[i]);
            double offset = x[i] - 1.0;
            sum += (100.0 * valley * valley) + (offset * offset);
        }

        return sum;
    }

    private static int RequireAtLeastTwo(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        return dimension;
    }
}
