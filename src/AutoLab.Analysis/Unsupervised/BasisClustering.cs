namespace AutoLab.Analysis.Unsupervised;

/// <summary>
/// Clusters the basis patterns of several NMF restarts of one rank, one pattern of every restart per
/// cluster, and scores the clusters by silhouette (the stability measure of NMFk).
/// </summary>
/// <remarks>
/// Alexandrov and Vesselinov (2014) cluster with k-means under the constraint that each restart gives
/// one pattern to each cluster. Here that constraint is met exactly: every restart's patterns are
/// assigned to the cluster centroids by the Hungarian method, starting from the lowest-error restart
/// as centroids, and centroids and assignments are refined until nothing changes.
/// </remarks>
internal static class BasisClustering
{
    private const int MaxRefinements = 10;

    /// <summary>Cluster index of pattern i of restart j, as labels[j][i].</summary>
    /// <param name="patterns">patterns[j] is restart j's rank x length unit-norm patterns, row-major.</param>
    /// <param name="rank">Patterns per restart (and clusters).</param>
    /// <param name="length">Points per pattern.</param>
    /// <param name="reference">The restart whose patterns seed the centroids.</param>
    public static int[][] Cluster(IReadOnlyList<double[]> patterns, int rank, int length, int reference)
    {
        int restarts = patterns.Count;
        double[] centroids = (double[])patterns[reference].Clone();
        int[][] labels = new int[restarts][];
        for (int refinement = 0; refinement < MaxRefinements; refinement++)
        {
            bool changed = false;
            double[] cost = new double[rank * rank];
            for (int j = 0; j < restarts; j++)
            {
                for (int i = 0; i < rank; i++)
                {
                    for (int c = 0; c < rank; c++)
                    {
                        cost[(i * rank) + c] = -Dot(patterns[j].AsSpan(i * length, length), centroids.AsSpan(c * length, length));
                    }
                }

                int[] assignment = LinearAssignment.Solve(cost, rank);
                changed |= labels[j] is null || !labels[j].AsSpan().SequenceEqual(assignment);
                labels[j] = assignment;
            }

            if (!changed)
            {
                break;
            }

            Array.Clear(centroids);
            for (int j = 0; j < restarts; j++)
            {
                for (int i = 0; i < rank; i++)
                {
                    Span<double> centroid = centroids.AsSpan(labels[j][i] * length, length);
                    ReadOnlySpan<double> pattern = patterns[j].AsSpan(i * length, length);
                    for (int p = 0; p < length; p++)
                    {
                        centroid[p] += pattern[p];
                    }
                }
            }

            for (int c = 0; c < rank; c++)
            {
                Normalize(centroids.AsSpan(c * length, length));
            }
        }

        return labels;
    }

    /// <summary>Per-pattern silhouettes (Rousseeuw 1987) with cosine distance 1 - cos.</summary>
    /// <returns>(mean over all patterns, the smallest per-cluster mean). One cluster counts as stable (1, 1).</returns>
    public static (double Mean, double MinimumCluster) Silhouette(IReadOnlyList<double[]> patterns, int[][] labels, int rank, int length)
    {
        if (rank == 1)
        {
            // A silhouette needs a second cluster; with one, every restart trivially agrees on the split.
            return (1.0, 1.0);
        }

        int restarts = patterns.Count;
        int count = restarts * rank;
        int[] cluster = new int[count];
        for (int j = 0; j < restarts; j++)
        {
            for (int i = 0; i < rank; i++)
            {
                cluster[(j * rank) + i] = labels[j][i];
            }
        }

        double[] clusterSum = new double[rank];
        double total = 0.0;
        double[] toCluster = new double[rank];
        for (int a = 0; a < count; a++)
        {
            Array.Clear(toCluster);
            ReadOnlySpan<double> pa = patterns[a / rank].AsSpan((a % rank) * length, length);
            for (int b = 0; b < count; b++)
            {
                if (b != a)
                {
                    double distance = 1.0 - Dot(pa, patterns[b / rank].AsSpan((b % rank) * length, length));
                    toCluster[cluster[b]] += distance;
                }
            }

            // Every cluster holds exactly `restarts` patterns (one per restart).
            double own = toCluster[cluster[a]] / (restarts - 1);
            double nearest = double.PositiveInfinity;
            for (int c = 0; c < rank; c++)
            {
                if (c != cluster[a])
                {
                    nearest = Math.Min(nearest, toCluster[c] / restarts);
                }
            }

            double denominator = Math.Max(own, nearest);
            double s = denominator > 0.0 ? (nearest - own) / denominator : 0.0;
            clusterSum[cluster[a]] += s;
            total += s;
        }

        double minimum = double.PositiveInfinity;
        for (int c = 0; c < rank; c++)
        {
            minimum = Math.Min(minimum, clusterSum[c] / restarts);
        }

        return (total / count, minimum);
    }

    /// <summary>Rows of a rank x length float matrix as unit-norm doubles (zero rows stay zero).</summary>
    public static double[] UnitRows(float[] h, int rank, int length)
    {
        double[] rows = new double[h.Length];
        for (int i = 0; i < h.Length; i++)
        {
            rows[i] = h[i];
        }

        for (int r = 0; r < rank; r++)
        {
            Normalize(rows.AsSpan(r * length, length));
        }

        return rows;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Normalize(Span<double> v)
    {
        double norm = Math.Sqrt(Dot(v, v));
        if (norm > 0.0)
        {
            for (int i = 0; i < v.Length; i++)
            {
                v[i] /= norm;
            }
        }
    }
}
