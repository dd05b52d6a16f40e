using AutoLab.Analysis.Training.Xrd;
using AutoLab.Analysis.Unsupervised;

namespace AutoLab.Orchestrator.Demixing;

/// <summary>
/// NMF demixing of a campaign's library (seed 000 §II.A.3: NMF on the XRD patterns of a combinatorial library,
/// Long et al.; Stanev et al.): every completed sample's pattern is a row of X ≈ W H, the rows of H are basis
/// patterns (ideally pure phases) and W the amounts of them in each sample. NMFk chooses the number of components.
/// </summary>
/// <remarks>
/// <para>Each pattern is preprocessed as the phase identifier does (running-minimum background removed, scaled to a
/// maximum of 1), so the factorisation sees line positions and relative intensities rather than how long each sample
/// was counted; negatives left by the background estimate are set to 0.</para>
/// <para>A component is labelled with the analysis output (by default those starting <c>fraction_</c>, the phase-id
/// stage's phase fractions) whose values across the samples correlate best with its weights. This ties the
/// unsupervised components to the supervised calls without any reference pattern; a component that follows no
/// output (a solid solution split over several components, as Stanev et al. found, or a phase the model does not
/// know) keeps the best label it has or none.</para>
/// </remarks>
public static class LibraryDemixer
{
    /// <summary>Demixes a library.</summary>
    /// <param name="library">The patterns, all on one axis (<see cref="RunLibrary.LoadAsync"/> checks that).</param>
    /// <param name="key">The data key, for the result.</param>
    /// <param name="options">Ranks, restarts and seed.</param>
    /// <returns>The chosen factorisation, its components with labels and the per-sample shares.</returns>
    /// <exception cref="DemixException">Fewer than three patterns, or a pattern the preprocessor refuses (named by experiment).</exception>
    public static DemixResult Demix(IReadOnlyList<LibraryPattern> library, string key, DemixOptions options)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(options);
        if (library.Count < 3)
        {
            throw new DemixException($"demixing needs at least 3 completed patterns with data '{key}'; the run has {library.Count}");
        }

        double[] axis = library[0].Axis;
        int rows = library.Count;
        int cols = axis.Length;
        var preprocessor = new PatternPreprocessor(new XrdPatternGrid(axis[0], axis[^1], cols));
        float[] x = new float[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            Span<float> row = x.AsSpan(r * cols, cols);
            try
            {
                preprocessor.Process(library[r].Axis, library[r].Values, row);
            }
            catch (ArgumentException ex)
            {
                throw new DemixException($"experiment {library[r].Sequence} ({library[r].Path}): {ex.Message}", ex);
            }

            foreach (ref float value in row)
            {
                value = Math.Max(value, 0f);
            }
        }

        int maxRank = Math.Min(options.MaxRank, rows - 1);
        NmfRankReport report = NmfRankSelection.Select(
            x, rows, cols, 1, maxRank, new NmfRankOptions { Restarts = options.Restarts, MaxIterations = options.MaxIterations, Seed = options.Seed });
        NmfResult best = report.Best;
        double[][] weights = Shares(best);
        string[] outputs = [.. library.SelectMany(p => p.Outputs.Keys).Distinct(StringComparer.Ordinal)
            .Where(name => name.StartsWith(options.LabelPrefix, StringComparison.Ordinal) && !name.EndsWith("_sd", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
        List<DemixComponent> components = [];
        for (int k = 0; k < best.Rank; k++)
        {
            double[] amounts = [.. weights.Select(w => w[k])];
            (string? label, double correlation) = BestLabel(amounts, library, outputs);
            components.Add(new DemixComponent(k + 1, best.H.AsSpan(k * cols, cols).ToArray(), label, correlation));
        }

        double norm = Math.Sqrt(x.Sum(v => (double)v * v));
        return new DemixResult(key, library, report.Scores, report.SelectedRank, components, weights, norm > 0 ? best.ReconstructionError / norm : 0.0);
    }

    // Each component's weight times its basis pattern's total is the intensity it explains; shares of that sum to 1.
    private static double[][] Shares(NmfResult result)
    {
        double[] basisTotals = [.. Enumerable.Range(0, result.Rank).Select(k => result.H.AsSpan(k * result.Cols, result.Cols).ToArray().Sum(v => (double)v))];
        double[][] shares = new double[result.Rows][];
        for (int r = 0; r < result.Rows; r++)
        {
            double[] explained = [.. Enumerable.Range(0, result.Rank).Select(k => result.W[(r * result.Rank) + k] * basisTotals[k])];
            double total = explained.Sum();
            shares[r] = total > 0 ? [.. explained.Select(e => e / total)] : new double[result.Rank];
        }

        return shares;
    }

    private static (string? Label, double Correlation) BestLabel(double[] amounts, IReadOnlyList<LibraryPattern> library, string[] outputs)
    {
        string? label = null;
        double bestCorrelation = 0.0;
        foreach (string output in outputs)
        {
            double[] values = [.. library.Select(p => p.Outputs.TryGetValue(output, out double v) && double.IsFinite(v) ? v : 0.0)];
            double correlation = Pearson(amounts, values);
            if (correlation > bestCorrelation)
            {
                (label, bestCorrelation) = (output, correlation);
            }
        }

        return (label, bestCorrelation);
    }

    private static double Pearson(double[] a, double[] b)
    {
        double meanA = a.Average();
        double meanB = b.Average();
        double covariance = 0.0;
        double varianceA = 0.0;
        double varianceB = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            covariance += (a[i] - meanA) * (b[i] - meanB);
            varianceA += (a[i] - meanA) * (a[i] - meanA);
            varianceB += (b[i] - meanB) * (b[i] - meanB);
        }

        return varianceA > 0 && varianceB > 0 ? covariance / Math.Sqrt(varianceA * varianceB) : 0.0;
    }
}
