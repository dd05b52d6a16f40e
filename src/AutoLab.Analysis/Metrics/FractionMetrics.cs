namespace AutoLab.Analysis.Metrics;

/// <summary>Errors of predicted phase fractions.</summary>
public static class FractionMetrics
{
    /// <summary>Mean absolute error over every (sample, phase) entry: Σ |f̂ − f| / (rows · phases).</summary>
    /// <param name="predicted">Predicted fractions, row-major rows × <paramref name="phases"/>.</param>
    /// <param name="truth">True fractions, same shape.</param>
    /// <param name="phases">Phases per row.</param>
    /// <param name="onlyPresent">
    /// When true, average only over entries whose true fraction is positive (the phases actually in the
    /// mixture), which is the stricter figure for mixtures: absent phases predicted as 0 would otherwise dilute it.
    /// </param>
    /// <returns>The MAE.</returns>
    /// <exception cref="ArgumentException">Shapes differ or are empty.</exception>
    public static double MeanAbsoluteError(ReadOnlySpan<float> predicted, ReadOnlySpan<float> truth, int phases, bool onlyPresent = false)
    {
        if (predicted.Length != truth.Length || predicted.Length == 0 || phases <= 0 || truth.Length % phases != 0)
        {
            throw new ArgumentException($"need equal, non-empty row-major matrices of {phases} columns, not {predicted.Length} and {truth.Length} values", nameof(truth));
        }

        double sum = 0.0;
        int n = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            if (onlyPresent && !(truth[i] > 0))
            {
                continue;
            }

            sum += Math.Abs(predicted[i] - truth[i]);
            n++;
        }

        return n == 0 ? 0.0 : sum / n;
    }
}
