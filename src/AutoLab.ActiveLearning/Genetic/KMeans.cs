using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Genetic;

/// <summary>Lloyd's k-means with k-means++ seeding (Arthur and Vassilvitskii 2007), on flat row-major points.</summary>
/// <remarks>Deterministic for a given generator; empty clusters keep their previous centre.</remarks>
public static class KMeans
{
    /// <summary>Clusters points and writes each point's cluster.</summary>
    /// <param name="points">n × D coordinates, row-major.</param>
    /// <param name="dimension">D.</param>
    /// <param name="clusters">k, at least 1; more than n is reduced to n.</param>
    /// <param name="maxIterations">Most Lloyd iterations; it stops earlier when no label changes.</param>
    /// <param name="random">The generator for the seeding.</param>
    /// <param name="labels">Receives the cluster of each of the n points, 0 to k − 1.</param>
    /// <returns>The number of clusters used, min(k, n).</returns>
    public static int Cluster(ReadOnlySpan<double> points, int dimension, int clusters, int maxIterations, SplitMix64 random, Span<int> labels)
    {
        int n = points.Length / dimension;
        int k = Math.Min(clusters, n);
        double[] centres = new double[k * dimension];
        double[] nearest = new double[n];

        // k-means++: each new centre is a point drawn with probability proportional to its squared distance to the nearest centre so far.
        points.Slice(random.NextInt32(n) * dimension, dimension).CopyTo(centres);
        Array.Fill(nearest, double.PositiveInfinity);
        for (int c = 1; c < k; c++)
        {
            double total = 0.0;
            for (int i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], Distance2(points.Slice(i * dimension, dimension), centres.AsSpan((c - 1) * dimension, dimension)));
                total += nearest[i];
            }

            int chosen = n - 1;
            double target = random.NextDouble() * total;
            for (int i = 0; i < n; i++)
            {
                target -= nearest[i];
                if (target < 0.0)
                {
                    chosen = i;
                    break;
                }
            }

            points.Slice(chosen * dimension, dimension).CopyTo(centres.AsSpan(c * dimension, dimension));
        }

        labels[..n].Fill(-1);
        int[] sizes = new int[k];
        for (int iteration = 0; iteration < Math.Max(1, maxIterations); iteration++)
        {
            bool changed = false;
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<double> p = points.Slice(i * dimension, dimension);
                int best = 0;
                double bestDistance = double.PositiveInfinity;
                for (int c = 0; c < k; c++)
                {
                    double d = Distance2(p, centres.AsSpan(c * dimension, dimension));
                    if (d < bestDistance)
                    {
                        bestDistance = d;
                        best = c;
                    }
                }

                changed |= labels[i] != best;
                labels[i] = best;
            }

            if (!changed)
            {
                break;
            }

            Array.Clear(sizes);
            for (int i = 0; i < n; i++)
            {
                int c = labels[i];
                if (sizes[c]++ == 0)
                {
                    centres.AsSpan(c * dimension, dimension).Clear();
                }

                for (int d = 0; d < dimension; d++)
                {
                    centres[(c * dimension) + d] += points[(i * dimension) + d];
                }
            }

            for (int c = 0; c < k; c++)
            {
                for (int d = 0; d < dimension && sizes[c] > 0; d++)
                {
                    centres[(c * dimension) + d] /= sizes[c];
                }
            }
        }

        return k;
    }

    private static double Distance2(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0.0;
        for (int d = 0; d < a.Length; d++)
        {
            double diff = a[d] - b[d];
            sum += diff * diff;
        }

        return sum;
    }
}
