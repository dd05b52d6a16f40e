using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.MultiObjectiveBayesian;

/// <summary>
/// The augmented Chebyshev scalarisation of ParEGO (Knowles 2006):
/// s(f) = maxⱼ wⱼ f̂ⱼ + ρ Σⱼ wⱼ f̂ⱼ, with f̂ the costs rescaled to [0, 1] by the observed range.
/// </summary>
/// <remarks>
/// The max term reaches every Pareto-optimal point (including those in concave parts of the front) as
/// the weights vary, which a weighted sum cannot; the small ρ term breaks ties between weakly
/// dominated points. Smaller is better.
/// </remarks>
public sealed class ChebyshevScalarization
{
    /// <summary>ρ of Knowles (2006).</summary>
    public const double DefaultRho = 0.05;

    private readonly double[] weights;
    private readonly double[] lower;
    private readonly double[] range;
    private readonly double rho;

    /// <summary>Creates the scalarisation.</summary>
    /// <param name="weights">Non-negative weights, one per objective (normally summing to 1).</param>
    /// <param name="lower">Per objective, the cost mapped to 0.</param>
    /// <param name="upper">Per objective, the cost mapped to 1.</param>
    /// <param name="rho">Weight of the augmentation term.</param>
    public ChebyshevScalarization(double[] weights, double[] lower, double[] upper, double rho = DefaultRho)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        if (lower.Length != weights.Length || upper.Length != weights.Length)
        {
            throw new ArgumentException("weights, lower and upper need one entry per objective");
        }

        this.weights = [.. weights];
        this.lower = [.. lower];
        // A constant objective would divide by zero; any positive range gives it the same scaled value everywhere.
        range = [.. lower.Zip(upper, (l, u) => u > l ? u - l : 1.0)];
        this.rho = rho;
    }

    /// <summary>The weights.</summary>
    public IReadOnlyList<double> Weights => weights;

    /// <summary>A weight vector uniform on the simplex, from a seeded stream.</summary>
    /// <param name="objectives">Number of objectives.</param>
    /// <param name="seed">Campaign seed.</param>
    /// <param name="stream">Stream index (ParEGO uses the suggestion's position in the campaign).</param>
    /// <returns>Non-negative weights summing to 1.</returns>
    public static double[] RandomWeights(int objectives, long seed, long stream)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(objectives, 1);
        // Normalised exponential variates are uniform on the simplex (a flat Dirichlet).
        SplitMix64 random = SplitMix64.ForStream(seed, stream);
        double[] w = new double[objectives];
        double sum = 0.0;
        for (int j = 0; j < objectives; j++)
        {
            w[j] = -Math.Log(1.0 - random.NextDouble());
            sum += w[j];
        }

        for (int j = 0; j < objectives; j++)
        {
            w[j] /= sum;
        }

        return w;
    }

    /// <summary>The scalarisation rescaled to the observed range of each objective.</summary>
    /// <param name="weights">The weights.</param>
    /// <param name="costs">Observed cost vectors (at least one).</param>
    /// <param name="rho">Weight of the augmentation term.</param>
    /// <returns>The scalarisation.</returns>
    public static ChebyshevScalarization FromObservations(double[] weights, IReadOnlyList<double[]> costs, double rho = DefaultRho)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(costs);
        double[] low = [.. Enumerable.Repeat(double.PositiveInfinity, weights.Length)];
        double[] high = [.. Enumerable.Repeat(double.NegativeInfinity, weights.Length)];
        foreach (double[] cost in costs)
        {
            for (int j = 0; j < weights.Length; j++)
            {
                low[j] = Math.Min(low[j], cost[j]);
                high[j] = Math.Max(high[j], cost[j]);
            }
        }

        return new ChebyshevScalarization(weights, low, high, rho);
    }

    /// <summary>s(f) for one cost vector.</summary>
    /// <param name="cost">Costs, one per objective.</param>
    /// <returns>The scalarised cost (smaller is better).</returns>
    public double Evaluate(ReadOnlySpan<double> cost)
    {
        double max = double.NegativeInfinity;
        double sum = 0.0;
        for (int j = 0; j < weights.Length; j++)
        {
            double term = weights[j] * (cost[j] - lower[j]) / range[j];
            max = Math.Max(max, term);
            sum += term;
        }

        return max + (rho * sum);
    }
}
