namespace AutoLab.ActiveLearning.Problems;

/// <summary>Levy, d-dimensional on [−10, 10]^d: many local minima, global minimum 0 at (1, …, 1).</summary>
/// <remarks>
/// With wᵢ = 1 + (xᵢ − 1)/4: f(x) = sin²(πw₁) + Σᵢ₌₁^{d−1} (wᵢ − 1)²[1 + 10 sin²(πwᵢ + 1)]
/// + (w_d − 1)²[1 + sin²(2πw_d)] (Surjanovic and Bingham).
/// </remarks>
public sealed class Levy : SingleObjectiveProblem
{
    /// <summary>Creates the problem.</summary>
    /// <param name="dimension">Number of variables, at least 1.</param>
    public Levy(int dimension)
        : base("levy", Filled(dimension, -10.0), Filled(dimension, 10.0))
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
        int d = x.Length;
        double first = Math.Sin(Math.PI * W(x[0]));
        double sum = first * first;
        for (int i = 0; i < d - 1; i++)
        {
            double w = W(x[i]);
            double ripple = Math.Sin((Math.PI * w) + 1.0);
            sum += (w - 1.0) * (w - 1.0) * (1.0 + (10.0 * ripple * ripple));
        }

        double last = W(x[d - 1]);
        double tail = Math.Sin(2.0 * Math.PI * last);
        return sum + ((last - 1.0) * (last - 1.0) * (1.0 + (tail * tail)));
    }

    private static double W(double xi) => 1.0 + ((xi - 1.0) / 4.0);
}
