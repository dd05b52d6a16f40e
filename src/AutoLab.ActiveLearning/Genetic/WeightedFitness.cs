namespace AutoLab.ActiveLearning.Genetic;

/// <summary>
/// The ML-MOGA's scalar fitness F = Σ ωₘ fₘ, with each objective optionally min–max scaled over a
/// population, and infeasible members ranked behind every feasible one.
/// </summary>
/// <remarks>
/// The scaling is fixed by <see cref="Fit"/> and then reused by <see cref="Of"/>, so candidates evaluated
/// later are scored on the same scale as the population the k-NN model was trained on. <seealso cref="MlMoga"/>
/// </remarks>
internal sealed class WeightedFitness
{
    private readonly double[] weights;
    private readonly bool normalize;
    private readonly double[] objectiveMin;
    private readonly double[] objectiveMax;
    private double worstFeasible;

    public WeightedFitness(double[] weights, bool normalize)
    {
        this.weights = weights;
        this.normalize = normalize;
        objectiveMin = new double[weights.Length];
        objectiveMax = new double[weights.Length];
    }

    /// <summary>Standard deviation of F over the population last fitted.</summary>
    public double Spread { get; private set; }

    /// <summary>Fixes the scaling on a population and writes each member's F.</summary>
    /// <param name="population">The population.</param>
    /// <param name="fitness">Receives F per member.</param>
    public void Fit(Population population, Span<double> fitness)
    {
        int n = population.Count;
        int m = weights.Length;
        Array.Fill(objectiveMin, 0.0);
        Array.Fill(objectiveMax, 1.0);
        if (normalize)
        {
            Array.Fill(objectiveMin, double.PositiveInfinity);
            Array.Fill(objectiveMax, double.NegativeInfinity);
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<double> f = population.F(i);
                for (int k = 0; k < m; k++)
                {
                    objectiveMin[k] = Math.Min(objectiveMin[k], f[k]);
                    objectiveMax[k] = Math.Max(objectiveMax[k], f[k]);
                }
            }
        }

        // Feasible members first, so infeasible ones can be ranked beyond the worst feasible fitness.
        worstFeasible = 0.0;
        bool anyFeasible = false;
        for (int i = 0; i < n; i++)
        {
            if (population.Violations[i] == 0.0)
            {
                double value = Weighted(population.F(i));
                worstFeasible = anyFeasible ? Math.Max(worstFeasible, value) : value;
                anyFeasible = true;
            }
        }

        double mean = 0.0;
        for (int i = 0; i < n; i++)
        {
            fitness[i] = Of(population.F(i), population.Violations[i]);
            mean += fitness[i];
        }

        mean /= n;
        double variance = 0.0;
        for (int i = 0; i < n; i++)
        {
            variance += (fitness[i] - mean) * (fitness[i] - mean);
        }

        Spread = Math.Sqrt(variance / n);
    }

    /// <summary>F of one point on the scale fixed by the last <see cref="Fit"/>.</summary>
    /// <param name="f">Objectives.</param>
    /// <param name="violation">Total constraint violation; above 0 ranks the point behind every feasible one.</param>
    /// <returns>F.</returns>
    public double Of(ReadOnlySpan<double> f, double violation) =>
        violation > 0.0 ? worstFeasible + 1.0 + violation : Weighted(f);

    private double Weighted(ReadOnlySpan<double> f)
    {
        double value = 0.0;
        for (int k = 0; k < f.Length; k++)
        {
            double range = objectiveMax[k] - objectiveMin[k];
            double scaled = range > 0.0 ? (f[k] - objectiveMin[k]) / range : 0.0;
            value += weights[k] * (normalize ? scaled : f[k]);
        }

        return value;
    }
}
