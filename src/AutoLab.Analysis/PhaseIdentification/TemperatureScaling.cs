namespace AutoLab.Analysis.PhaseIdentification;

/// <summary>Temperature scaling of an ensemble's presence logits (Guo, Pleiss, Sun and Weinberger 2017, "On calibration of modern neural networks", ICML).</summary>
/// <remarks>
/// One scalar T > 0 divides every presence logit before the sigmoid; the ensemble probability is the mean over
/// members of σ(z_m / T). T is chosen to minimise the binary negative log-likelihood of the validation labels,
/// NLL(T) = −mean[y log p + (1 − y) log(1 − p)], by golden-section search on log T in [0.05, 20] (NLL is
/// unimodal in T for one member and, in practice, for the mean of a few). Scaling keeps the ranking of the
/// phases, so it changes calibration, never top-1 accuracy.
/// </remarks>
public static class TemperatureScaling
{
    private const double LowestTemperature = 0.05;
    private const double HighestTemperature = 20.0;
    private const int Iterations = 60;

    // Probabilities are clipped away from 0 and 1 so one confident mistake gives a large but finite loss.
    private const double Clip = 1e-7;

    /// <summary>Fits T on validation outputs.</summary>
    /// <param name="memberOutputs">Each member's raw outputs, rows × 2K (the first K columns are presence logits).</param>
    /// <param name="present">Whether each phase is present, rows × K.</param>
    /// <param name="rows">Number of validation patterns.</param>
    /// <param name="phases">K.</param>
    /// <returns>The temperature.</returns>
    public static double Fit(IReadOnlyList<float[]> memberOutputs, ReadOnlySpan<bool> present, int rows, int phases)
    {
        bool[] labels = present.ToArray();
        double lo = Math.Log(LowestTemperature);
        double hi = Math.Log(HighestTemperature);
        double ratio = (Math.Sqrt(5.0) - 1.0) / 2.0;
        double a = hi - (ratio * (hi - lo));
        double b = lo + (ratio * (hi - lo));
        double fa = NegativeLogLikelihood(memberOutputs, labels, rows, phases, Math.Exp(a));
        double fb = NegativeLogLikelihood(memberOutputs, labels, rows, phases, Math.Exp(b));
        for (int i = 0; i < Iterations; i++)
        {
            if (fa < fb)
            {
                hi = b;
                b = a;
                fb = fa;
                a = hi - (ratio * (hi - lo));
                fa = NegativeLogLikelihood(memberOutputs, labels, rows, phases, Math.Exp(a));
            }
            else
            {
                lo = a;
                a = b;
                fa = fb;
                b = lo + (ratio * (hi - lo));
                fb = NegativeLogLikelihood(memberOutputs, labels, rows, phases, Math.Exp(b));
            }
        }

        return Math.Exp(0.5 * (lo + hi));
    }

    /// <summary>The mean binary NLL of the ensemble's presence probabilities at temperature T.</summary>
    /// <param name="memberOutputs">Each member's raw outputs, rows × 2K.</param>
    /// <param name="present">Whether each phase is present, rows × K.</param>
    /// <param name="rows">Number of patterns.</param>
    /// <param name="phases">K.</param>
    /// <param name="temperature">T.</param>
    /// <returns>NLL per (pattern, phase) entry.</returns>
    public static double NegativeLogLikelihood(IReadOnlyList<float[]> memberOutputs, ReadOnlySpan<bool> present, int rows, int phases, double temperature)
    {
        double sum = 0.0;
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < phases; k++)
            {
                double p = 0.0;
                foreach (float[] output in memberOutputs)
                {
                    p += Sigmoid(output[(r * 2 * phases) + k] / temperature);
                }

                p = Math.Clamp(p / memberOutputs.Count, Clip, 1.0 - Clip);
                sum -= present[(r * phases) + k] ? Math.Log(p) : Math.Log(1.0 - p);
            }
        }

        return sum / (rows * phases);
    }

    /// <summary>The logistic function 1 / (1 + e^−x), stable for large |x|.</summary>
    /// <param name="x">The logit.</param>
    /// <returns>σ(x).</returns>
    public static double Sigmoid(double x) => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));
}
