using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// Hypervolume of everything a campaign has measured so far, after each experiment: the quality of the
/// front a campaign could hand over if it stopped there.
/// </summary>
/// <remarks>
/// Each objective is normalised as f̂ = −value / scale for a maximised objective (value / scale for a
/// minimised one), so that with reference point 0 the hypervolume is the area (or volume) of the region,
/// in units of the scales, dominated by the measured points and bounded by "nothing achieved". Exact
/// (<see cref="Hypervolume.Compute(IReadOnlyList{double[]}, ReadOnlySpan{double})"/>).
/// </remarks>
public static class HypervolumeCurve
{
    /// <summary>The hypervolume after 1, 2, …, n observations.</summary>
    /// <param name="observations">In sequence order; failed ones add nothing.</param>
    /// <param name="objectives">The objectives, with directions.</param>
    /// <param name="scales">One positive scale per objective, in its unit.</param>
    /// <returns>n values, non-decreasing.</returns>
    public static double[] Of(IReadOnlyList<Observation> observations, IReadOnlyList<ObjectiveDefinition> objectives, IReadOnlyList<double> scales)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(scales);
        if (scales.Count != objectives.Count || scales.Any(s => !(s > 0)))
        {
            throw new ArgumentException("one positive scale per objective is needed", nameof(scales));
        }

        double[] reference = new double[objectives.Count];
        List<double[]> points = [];
        double[] curve = new double[observations.Count];
        for (int i = 0; i < observations.Count; i++)
        {
            Observation o = observations[i];
            if (o.Succeeded && objectives.All(d => o.Objectives.TryGetValue(d.Name, out double v) && double.IsFinite(v)))
            {
                points.Add([.. objectives.Select((d, j) => (d.Direction == ObjectiveDirection.Maximize ? -1.0 : 1.0) * o.Objectives[d.Name] / scales[j])]);
            }

            curve[i] = points.Count == 0 ? 0.0 : Hypervolume.Compute(points, reference);
        }

        return curve;
    }

    /// <summary>The first evaluation count at which <paramref name="curve"/> reaches <paramref name="level"/>.</summary>
    /// <param name="curve">Hypervolume after 1, 2, … evaluations.</param>
    /// <param name="level">The level to reach.</param>
    /// <returns>The count (1-based), or <see cref="double.PositiveInfinity"/> when never reached.</returns>
    public static double EvaluationsToReach(IReadOnlyList<double> curve, double level)
    {
        ArgumentNullException.ThrowIfNull(curve);
        for (int i = 0; i < curve.Count; i++)
        {
            if (curve[i] >= level)
            {
                return i + 1;
            }
        }

        return double.PositiveInfinity;
    }
}
