using System.Globalization;

namespace AutoLab.Analysis.Unsupervised;

/// <summary>Chooses the number of NMF components by the stability of the basis across restarts (NMFk).</summary>
/// <remarks>
/// <para>
/// NMFk (Alexandrov and Vesselinov 2014, Water Resources Research 50:7332; applied to XRD phase
/// mapping by Vesselinov et al.): for every candidate rank, factorise the same data from
/// <see cref="NmfRankOptions.Restarts"/> random starts, cluster the rank x restarts basis patterns (rows
/// of H) into rank clusters with one pattern of every restart in each, and measure how tight the
/// clusters are by the cosine silhouette. Components that are really in the data come back the same
/// from every start; when the rank is too high, the surplus components split noise or a real component
/// differently each time and the silhouette drops.
/// </para>
/// <para>
/// Rule: the selected rank is the largest rank whose least stable cluster has a silhouette of at least
/// <see cref="NmfRankOptions.StabilityThreshold"/> and whose relative error is at least
/// <see cref="NmfRankOptions.MinErrorGain"/> (as a fraction) below that of rank - 1 (the smallest rank
/// tried needs only the stability). When no rank qualifies, the smallest rank tried is returned.
/// </para>
/// <seealso cref="Nmf"/> <seealso cref="BasisMatching"/>
/// </remarks>
public static class NmfRankSelection
{
    // Spreads the restart seeds of different ranks apart so no two factorisations share a start.
    private const long RankSeedStride = 1_000_003;

    /// <summary>Runs NMFk over ranks minRank..maxRank and reports every rank's score and the choice.</summary>
    /// <param name="x">rows x cols, row-major, entries ≥ 0.</param>
    /// <param name="rows">Rows of X (e.g. patterns).</param>
    /// <param name="cols">Columns of X (e.g. 2-theta points).</param>
    /// <param name="minRank">Smallest rank tried, ≥ 1.</param>
    /// <param name="maxRank">Largest rank tried, ≤ min(rows, cols).</param>
    /// <param name="options">Restarts, thresholds, iterations, seed and device.</param>
    /// <returns>The selected rank, the scores, and the best factorisation at the selected rank.</returns>
    /// <exception cref="ArgumentException">Bad data (named by row and column), ranks out of range, or fewer than 2 restarts.</exception>
    public static NmfRankReport Select(ReadOnlySpan<float> x, int rows, int cols, int minRank, int maxRank, NmfRankOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MatrixChecks.Check(x, rows, cols, nonNegative: true);
        Nmf.CheckRank(minRank, rows, cols);
        Nmf.CheckRank(maxRank, rows, cols);
        if (maxRank < minRank)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxRank), maxRank, string.Create(CultureInfo.InvariantCulture, $"maxRank must be >= minRank ({minRank})."));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.Restarts, 2, nameof(options));

        double normX = 0.0;
        foreach (float value in x)
        {
            normX += (double)value * value;
        }

        normX = Math.Sqrt(normX);
        var scores = new List<NmfRankScore>();
        var best = new Dictionary<int, NmfResult>();
        for (int rank = minRank; rank <= maxRank; rank++)
        {
            var fits = new List<NmfResult>(options.Restarts);
            for (int j = 0; j < options.Restarts; j++)
            {
                var nmfOptions = new NmfOptions
                {
                    Init = NmfInit.Random,
                    MaxIterations = options.MaxIterations,
                    Tolerance = options.Tolerance,
                    Seed = options.Seed + (rank * RankSeedStride) + j,
                    Device = options.Device,
                };
                fits.Add(Nmf.Fit(x, rows, cols, rank, nmfOptions));
            }

            int reference = 0;
            for (int j = 1; j < fits.Count; j++)
            {
                if (fits[j].ReconstructionError < fits[reference].ReconstructionError)
                {
                    reference = j;
                }
            }

            double[][] patterns = fits.Select(f => BasisClustering.UnitRows(f.H, rank, cols)).ToArray();
            int[][] labels = BasisClustering.Cluster(patterns, rank, cols, reference);
            (double mean, double minimum) = BasisClustering.Silhouette(patterns, labels, rank, cols);
            double error = fits[reference].ReconstructionError;
            scores.Add(new NmfRankScore(rank, mean, minimum, normX > 0.0 ? error / normX : 0.0, error));
            best[rank] = fits[reference];
        }

        int selected = minRank;
        for (int i = 0; i < scores.Count; i++)
        {
            NmfRankScore score = scores[i];
            bool stable = score.MinimumClusterSilhouette >= options.StabilityThreshold;
            bool improves = i == 0 || Gain(scores[i - 1].RelativeError, score.RelativeError) >= options.MinErrorGain;
            if (stable && improves)
            {
                selected = score.Rank;
            }
        }

        return new NmfRankReport { SelectedRank = selected, Scores = scores, Best = best[selected] };
    }

    // The fractional error reduction from the previous rank; an exact fit leaves nothing to gain.
    private static double Gain(double previous, double current) => previous > 0.0 ? (previous - current) / previous : 0.0;
}
