namespace AutoLab.ActiveLearning.Genetic;

/// <summary>k-nearest-neighbour regression: the mean value of the k training points closest (Euclidean) to a query.</summary>
/// <remarks>Brute force, O(n·D) per query, which is microseconds at population sizes.</remarks>
public static class NearestNeighbourRegression
{
    /// <summary>Predicts the value at a query point.</summary>
    /// <param name="points">n × D training coordinates, row-major.</param>
    /// <param name="values">n training values.</param>
    /// <param name="query">D coordinates.</param>
    /// <param name="neighbours">k, at least 1; more than n uses all n.</param>
    /// <returns>The mean of the k nearest values (ties in distance go to the lower index).</returns>
    public static double Predict(ReadOnlySpan<double> points, ReadOnlySpan<double> values, ReadOnlySpan<double> query, int neighbours)
    {
        int dimension = query.Length;
        int n = values.Length;
        int k = Math.Min(Math.Max(1, neighbours), n);
        Span<double> bestDistance = k <= 64 ? stackalloc double[k] : new double[k];
        Span<double> bestValue = k <= 64 ? stackalloc double[k] : new double[k];
        bestDistance.Fill(double.PositiveInfinity);
        for (int i = 0; i < n; i++)
        {
            double d = 0.0;
            for (int j = 0; j < dimension; j++)
            {
                double diff = points[(i * dimension) + j] - query[j];
                d += diff * diff;
            }

            if (d >= bestDistance[k - 1])
            {
                continue;
            }

            // Insertion into the sorted k best.
            int slot = k - 1;
            while (slot > 0 && bestDistance[slot - 1] > d)
            {
                bestDistance[slot] = bestDistance[slot - 1];
                bestValue[slot] = bestValue[slot - 1];
                slot--;
            }

            bestDistance[slot] = d;
            bestValue[slot] = values[i];
        }

        double sum = 0.0;
        for (int i = 0; i < k; i++)
        {
            sum += bestValue[i];
        }

        return sum / k;
    }
}
