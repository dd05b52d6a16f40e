namespace AutoLab.Analysis.Metrics;

/// <summary>Accuracy-type metrics of a classifier.</summary>
/// <remarks>See <see cref="CalibrationError"/> for calibration, <see cref="ConfusionMatrix"/> for per-class errors.</remarks>
public static class ClassificationMetrics
{
    /// <summary>Top-1 accuracy: the share of samples whose predicted class equals the true class.</summary>
    /// <param name="predicted">Predicted class per sample.</param>
    /// <param name="truth">True class per sample.</param>
    /// <returns>Accuracy in [0, 1].</returns>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double TopOneAccuracy(ReadOnlySpan<int> predicted, ReadOnlySpan<int> truth)
    {
        if (predicted.Length != truth.Length || predicted.Length == 0)
        {
            throw new ArgumentException($"need equal, non-zero numbers of predictions ({predicted.Length}) and labels ({truth.Length})", nameof(truth));
        }

        int correct = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            correct += predicted[i] == truth[i] ? 1 : 0;
        }

        return (double)correct / predicted.Length;
    }

    /// <summary>The index of the largest value of each row of a row-major matrix.</summary>
    /// <param name="values">Rows × <paramref name="columns"/> values.</param>
    /// <param name="columns">Values per row.</param>
    /// <returns>One index per row (the first on ties).</returns>
    /// <exception cref="ArgumentException">The length is not a multiple of the column count.</exception>
    public static int[] ArgMax(ReadOnlySpan<float> values, int columns)
    {
        if (columns <= 0 || values.Length % columns != 0)
        {
            throw new ArgumentException($"{values.Length} values do not make rows of {columns}", nameof(columns));
        }

        int[] result = new int[values.Length / columns];
        for (int r = 0; r < result.Length; r++)
        {
            ReadOnlySpan<float> row = values.Slice(r * columns, columns);
            int best = 0;
            for (int c = 1; c < columns; c++)
            {
                best = row[c] > row[best] ? c : best;
            }

            result[r] = best;
        }

        return result;
    }
}
