namespace AutoLab.Analysis.Metrics;

/// <summary>Expected calibration error (ECE) with equal-width confidence bins.</summary>
/// <remarks>
/// <para>ECE = Σ_b (n_b / n) · |acc(b) − conf(b)| over B equal-width bins of the confidence in [0, 1]
/// (Naeini, Cooper and Hauskrecht 2015, "Obtaining well calibrated probabilities using Bayesian binning",
/// AAAI; the 15-bin form of Guo et al. 2017). A confidence of exactly 1 falls in the last bin; empty bins
/// contribute nothing.</para>
/// <para><see cref="TopLabel"/> is the usual multi-class form: the confidence is that of the predicted
/// class and "accurate" means the prediction was right. <see cref="Binary"/> is the per-label form for
/// multi-label outputs: each (sample, label) probability p is a forecast that the label is present, the
/// bin's accuracy is the observed frequency of presence and its confidence the mean p (the class-wise ECE of
/// Kull et al. 2019, pooled over labels).</para>
/// </remarks>
public static class CalibrationError
{
    /// <summary>The default number of bins (15, as Guo et al. 2017).</summary>
    public const int DefaultBins = 15;

    /// <summary>Top-label ECE from each sample's confidence and whether its prediction was right.</summary>
    /// <param name="confidence">Confidence of each prediction, in [0, 1].</param>
    /// <param name="correct">Whether each prediction was right.</param>
    /// <param name="bins">Number of equal-width bins.</param>
    /// <returns>ECE in [0, 1].</returns>
    /// <exception cref="ArgumentException">Lengths differ or are zero, a confidence is outside [0, 1], or bins is not positive.</exception>
    public static double TopLabel(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct, int bins = DefaultBins)
    {
        if (confidence.Length != correct.Length)
        {
            throw new ArgumentException($"{confidence.Length} confidences but {correct.Length} outcomes", nameof(correct));
        }

        double[] outcome = new double[correct.Length];
        for (int i = 0; i < outcome.Length; i++)
        {
            outcome[i] = correct[i] ? 1.0 : 0.0;
        }

        return Binned(confidence, outcome, bins);
    }

    /// <summary>Per-label (binary) ECE from predicted presence probabilities and true presence.</summary>
    /// <param name="probability">Predicted probability that each label is present, in [0, 1].</param>
    /// <param name="present">Whether each label is present.</param>
    /// <param name="bins">Number of equal-width bins.</param>
    /// <returns>ECE in [0, 1].</returns>
    /// <exception cref="ArgumentException">Lengths differ or are zero, a probability is outside [0, 1], or bins is not positive.</exception>
    public static double Binary(ReadOnlySpan<double> probability, ReadOnlySpan<bool> present, int bins = DefaultBins) =>
        TopLabel(probability, present, bins);

    private static double Binned(ReadOnlySpan<double> confidence, ReadOnlySpan<double> outcome, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        if (confidence.Length == 0)
        {
            throw new ArgumentException("calibration error needs at least one prediction", nameof(confidence));
        }

        double[] sumConfidence = new double[bins];
        double[] sumOutcome = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < confidence.Length; i++)
        {
            double c = confidence[i];
            if (!(c is >= 0.0 and <= 1.0))
            {
                throw new ArgumentException($"confidence[{i}] = {c} is outside [0, 1]", nameof(confidence));
            }

            int b = Math.Min(bins - 1, (int)(c * bins));
            sumConfidence[b] += c;
            sumOutcome[b] += outcome[i];
            count[b]++;
        }

        double ece = 0.0;
        for (int b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                ece += Math.Abs(sumOutcome[b] - sumConfidence[b]) / confidence.Length;
            }
        }

        return ece;
    }
}
