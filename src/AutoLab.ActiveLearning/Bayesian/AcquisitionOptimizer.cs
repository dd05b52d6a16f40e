using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Optimization;

namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>Maximises an acquisition over the unit cube: score many raw candidates in one batch, then polish the best few by bounded L-BFGS.</summary>
/// <remarks>
/// The raw scoring uses <see cref="GaussianProcess.PredictMany"/> (BLAS-3), so thousands of candidates cost
/// about as much as a few dozen single-point evaluations. A polished point replaces its start only when it
/// is better and satisfies the feasibility check (the campaign's constraints) — the polish runs in
/// the box only.
/// </remarks>
internal static class AcquisitionOptimizer
{
    private static readonly LbfgsOptions Polish = new() { MaxIterations = 100, GradientTolerance = 1e-7 };

    /// <summary>The best point found and its acquisition value.</summary>
    /// <param name="acquisition">The (possibly constrained) acquisition.</param>
    /// <param name="candidates">Raw candidates in the unit cube, all feasible.</param>
    /// <param name="starts">How many of the best candidates to polish.</param>
    /// <param name="feasible">Constraint check on unit-cube points.</param>
    internal static (double[] Point, double Value) Maximize(ConstrainedAcquisition acquisition, IReadOnlyList<double[]> candidates, int starts, Func<double[], bool> feasible)
    {
        int m = candidates.Count;
        double[] scores = new double[m];
        acquisition.ScoreMany(candidates, scores);
        for (int i = 0; i < m; i++)
        {
            scores[i] = double.IsFinite(scores[i]) ? scores[i] : double.NegativeInfinity;
        }

        int[] order = [.. Enumerable.Range(0, m).OrderByDescending(i => scores[i]).ThenBy(i => i)];
        double[] best = candidates[order[0]];
        double bestValue = scores[order[0]];
        int d = acquisition.Dimension;
        double[] lower = new double[d];
        double[] upper = [.. Enumerable.Repeat(1.0, d)];
        DifferentiableFunction negative = (x, gradient) =>
        {
            double value = acquisition.Evaluate(x, gradient);
            for (int k = 0; k < gradient.Length; k++)
            {
                gradient[k] = -gradient[k];
            }

            return -value;
        };

        for (int s = 0; s < Math.Min(starts, m); s++)
        {
            LbfgsResult result = BoundedLbfgs.Minimize(negative, candidates[order[s]], lower, upper, Polish);
            if (double.IsFinite(result.Value) && -result.Value > bestValue && feasible(result.Point))
            {
                best = result.Point;
                bestValue = -result.Value;
            }
        }

        return (best, bestValue);
    }
}
