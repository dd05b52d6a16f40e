using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Kriging;

/// <summary>The batch loop of kriging's <c>acquisition: imse</c>: pick by <see cref="IntegratedVarianceReduction"/>, polish, condition, repeat.</summary>
/// <remarks>
/// Conditioning on a pick needs no value because ΔV does not read values, so the batch equals the
/// sequential design. The reference set is a Sobol set scrambled on its own seed stream, so it is
/// not the candidates' Sobol set; K(R, C) is computed once per batch because conditioning does not change it.
/// </remarks>
internal static class IntegratedVarianceBatch
{
    /// <summary>
    /// Chooses <paramref name="count"/> points one at a time: the candidate of largest ΔV, polished by a few
    /// shrinking rounds of local perturbations, snapped through the space, then conditioned on.
    /// </summary>
    /// <param name="request">The request (space, constraints).</param>
    /// <param name="hyperparameters">The fitted GP's hyperparameters.</param>
    /// <param name="settings">Kernel, jitter and reference-set size.</param>
    /// <param name="conditioned">Observed, pending and already chosen points, unit cube.</param>
    /// <param name="candidates">Feasible unit-cube candidates; at least one.</param>
    /// <param name="count">Points to choose.</param>
    /// <param name="stream">Seed stream of this request.</param>
    /// <param name="feasible">Whether a unit-cube point satisfies the linear constraints.</param>
    /// <returns>The chosen points.</returns>
    internal static List<ParameterPoint> Choose(SuggestionRequest request, GaussianProcessHyperparameters hyperparameters, SuggesterSettings settings, IReadOnlyList<double[]> conditioned, IReadOnlyList<double[]> candidates, int count, long stream, Func<double[], bool> feasible)
    {
        SearchSpace space = request.Space;
        long referenceStream = unchecked((long)SplitMix64.Combine((ulong)stream, 2));
        List<double[]> reference = InitialDesign.FeasibleSobol(request, settings.ReferencePoints, referenceStream);
        IntegratedVarianceReduction measure = new(hyperparameters, settings.Process.Kernel, settings.Process.Jitter, conditioned, reference.Count > 0 ? reference : candidates);
        SplitMix64 random = SplitMix64.ForStream(stream, 3);
        double[] prior = measure.PriorCovariance(candidates);
        List<ParameterPoint> chosen = [];
        while (chosen.Count < count)
        {
            double[] scores = measure.Reductions(candidates, prior);
            int best = 0;
            for (int i = 1; i < scores.Length; i++)
            {
                best = scores[i] > scores[best] ? i : best;
            }

            double[] point = Polish(measure, candidates[best], scores[best], random, feasible);
            ParameterPoint snapped = space.FromUnit(point);
            chosen.Add(snapped);
            measure.Condition(space.ToUnit(snapped));
        }

        return chosen;
    }

    /// <summary>A few rounds of Gaussian perturbations around the best candidate, each round half as wide; keeps any that scores higher.</summary>
    private static double[] Polish(IntegratedVarianceReduction measure, double[] start, double score, SplitMix64 random, Func<double[], bool> feasible)
    {
        // ΔV is smooth on the scale of the length scales (tenths of the cube on the SAXS film), so steps of a few
        // hundredths refine a Sobol candidate without leaving its basin; 48 trials are few beside ~1,100 candidates.
        const int Rounds = 3;
        const int PerRound = 16;
        double spread = 0.04;
        double[] best = start;
        for (int round = 0; round < Rounds; round++, spread /= 2.0)
        {
            List<double[]> trials = [];
            for (int t = 0; t < PerRound; t++)
            {
                double[] trial = new double[best.Length];
                for (int k = 0; k < best.Length; k++)
                {
                    trial[k] = Math.Clamp(best[k] + (spread * Gaussian(random)), 0.0, 1.0);
                }

                if (feasible(trial))
                {
                    trials.Add(trial);
                }
            }

            double[] scores = measure.Reductions(trials);
            for (int t = 0; t < scores.Length; t++)
            {
                if (scores[t] > score)
                {
                    (best, score) = (trials[t], scores[t]);
                }
            }
        }

        return best;
    }

    private static double Gaussian(SplitMix64 random)
    {
        double u = 1.0 - random.NextDouble();
        double v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
