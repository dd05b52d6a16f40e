namespace AutoLab.Analysis.PhaseIdentification;

/// <summary>Turns the raw outputs of a deep ensemble's members into <see cref="PhasePrediction"/>s.</summary>
/// <remarks>
/// <para>Deep ensembles (Lakshminarayanan, Pritzel and Blundell 2017, "Simple and scalable predictive
/// uncertainty estimation using deep ensembles", NeurIPS) average the members' predictive distributions; the
/// spread between members is the epistemic part of the uncertainty. Here each member m gives K presence logits
/// z_m and K fraction logits f_m. Presence p_k = mean_m σ(z_mk / T) with the fitted temperature T; its spread
/// is the standard deviation over members. Fractions are mean_m softmax(f_m), then set to 0 for every phase
/// with p_k &lt; 0.5 and renormalised to sum 1, so a phase the presence head rules out gets no fraction; when
/// no phase reaches 0.5, the most probable one gets fraction 1 (a pattern is never "nothing").</para>
/// </remarks>
public static class EnsembleCombiner
{
    /// <summary>Presence probability at which a phase counts as present in the fractions.</summary>
    public const double PresenceCut = 0.5;

    /// <summary>Combines member outputs into one prediction per row.</summary>
    /// <param name="memberOutputs">Each member's raw outputs, rows × 2K.</param>
    /// <param name="rows">Number of patterns.</param>
    /// <param name="phaseNames">The K phase names.</param>
    /// <param name="temperature">Presence temperature T.</param>
    /// <returns>One prediction per row.</returns>
    /// <exception cref="ArgumentException">No members, or an output of the wrong length.</exception>
    public static PhasePrediction[] Combine(IReadOnlyList<float[]> memberOutputs, int rows, IReadOnlyList<string> phaseNames, double temperature)
    {
        int k = phaseNames.Count;
        if (memberOutputs.Count == 0 || memberOutputs.Any(o => o.Length != rows * 2 * k))
        {
            throw new ArgumentException($"need at least one member with {rows} × {2 * k} outputs", nameof(memberOutputs));
        }

        int m = memberOutputs.Count;
        PhasePrediction[] predictions = new PhasePrediction[rows];
        double[] softmax = new double[k];
        for (int r = 0; r < rows; r++)
        {
            double[] presence = new double[k];
            double[] presenceSquares = new double[k];
            double[] fractions = new double[k];
            double[] fractionSquares = new double[k];
            foreach (float[] output in memberOutputs)
            {
                int offset = r * 2 * k;
                double largest = double.NegativeInfinity;
                for (int j = 0; j < k; j++)
                {
                    largest = Math.Max(largest, output[offset + k + j]);
                }

                double total = 0.0;
                for (int j = 0; j < k; j++)
                {
                    softmax[j] = Math.Exp(output[offset + k + j] - largest);
                    total += softmax[j];
                }

                for (int j = 0; j < k; j++)
                {
                    double p = TemperatureScaling.Sigmoid(output[offset + j] / temperature);
                    presence[j] += p;
                    presenceSquares[j] += p * p;
                    double f = softmax[j] / total;
                    fractions[j] += f;
                    fractionSquares[j] += f * f;
                }
            }

            double[] presenceSpread = new double[k];
            double[] fractionSpread = new double[k];
            int top = 0;
            for (int j = 0; j < k; j++)
            {
                presence[j] /= m;
                fractions[j] /= m;
                presenceSpread[j] = Math.Sqrt(Math.Max(0.0, (presenceSquares[j] / m) - (presence[j] * presence[j])));
                fractionSpread[j] = Math.Sqrt(Math.Max(0.0, (fractionSquares[j] / m) - (fractions[j] * fractions[j])));
                top = presence[j] > presence[top] ? j : top;
            }

            predictions[r] = new PhasePrediction(phaseNames, presence, presenceSpread, Renormalise(fractions, presence, top), fractionSpread, top, presence[top]);
        }

        return predictions;
    }

    private static double[] Renormalise(double[] fractions, double[] presence, int top)
    {
        double[] kept = new double[fractions.Length];
        double total = 0.0;
        for (int j = 0; j < fractions.Length; j++)
        {
            kept[j] = presence[j] >= PresenceCut ? fractions[j] : 0.0;
            total += kept[j];
        }

        if (!(total > 0))
        {
            Array.Clear(kept);
            kept[top] = 1.0;
            return kept;
        }

        for (int j = 0; j < kept.Length; j++)
        {
            kept[j] /= total;
        }

        return kept;
    }
}
