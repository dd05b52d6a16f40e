using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.TrustRegion;

/// <summary>
/// SCBO's batch selection (Eriksson and Poloczek, "Scalable Constrained Bayesian Optimization", AISTATS 2021,
/// Section 3): one joint posterior draw of the objective and of every constraint over the candidate set per
/// point; the point is the feasible candidate (every drawn gⱼ ≤ 0) with the largest drawn objective, or, when
/// no candidate is feasible in that draw, the one with the smallest drawn total violation Σⱼ max(0, gⱼ).
/// </summary>
/// <remarks>
/// Drawing the constraints jointly, like the objective, keeps the choice a Thompson sample of the
/// constrained problem rather than a product of marginal feasibility probabilities; the latter is what
/// "bo" does with expected improvement (<see cref="Bayesian.ConstrainedAcquisition"/>).
/// <seealso cref="JointThompsonSampler"/>
/// </remarks>
internal static class ConstrainedThompsonSampler
{
    /// <summary>Chooses <paramref name="count"/> distinct candidates.</summary>
    /// <param name="objective">The objective's joint posterior from <see cref="JointThompsonSampler.Prepare"/> (standardised, larger is better).</param>
    /// <param name="constraints">Each constraint's joint posterior with the offset and scale that map its standardised draw back to g (feasible when ≤ 0).</param>
    /// <param name="count">Points wanted (at most m).</param>
    /// <param name="objectiveRandom">Normal draws of the objective.</param>
    /// <param name="constraintRandoms">Normal draws of each constraint, one stream per constraint.</param>
    /// <returns>Indices into the candidate set, in choice order.</returns>
    internal static int[] Choose(
        (double[] Mean, double[] Lower) objective,
        IReadOnlyList<(double[] Mean, double[] Lower, double Offset, double Scale)> constraints,
        int count,
        SplitMix64 objectiveRandom,
        IReadOnlyList<SplitMix64> constraintRandoms)
    {
        int m = objective.Mean.Length;
        bool[] taken = new bool[m];
        List<int> chosen = new(count);
        double[] violation = new double[m];
        for (int q = 0; q < Math.Min(count, m); q++)
        {
            double[] f = JointThompsonSampler.Draw(objective.Mean, objective.Lower, objectiveRandom);
            Array.Clear(violation);
            for (int j = 0; j < constraints.Count; j++)
            {
                (double[] mean, double[] lower, double offset, double scale) = constraints[j];
                double[] g = JointThompsonSampler.Draw(mean, lower, constraintRandoms[j]);
                for (int i = 0; i < m; i++)
                {
                    violation[i] += Math.Max(0.0, offset + (scale * g[i]));
                }
            }

            int best = -1;
            for (int i = 0; i < m; i++)
            {
                if (!taken[i] && (best < 0 || TrustRegionState.IsBetter(f[i], violation[i], f[best], violation[best])))
                {
                    best = i;
                }
            }

            taken[best] = true;
            chosen.Add(best);
        }

        return [.. chosen];
    }
}
