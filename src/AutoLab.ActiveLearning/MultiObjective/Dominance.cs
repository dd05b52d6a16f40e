namespace AutoLab.ActiveLearning.MultiObjective;

/// <summary>Pareto dominance and Deb's constraint domination between two objective vectors (all minimised).</summary>
/// <remarks>
/// Constraint domination (Deb 2000; NSGA-II, Deb et al. 2002): a feasible point beats an infeasible one,
/// of two infeasible points the smaller total violation wins, and two feasible points compare by Pareto
/// dominance. Violation is Σ max(0, gⱼ) over constraints gⱼ ≤ 0, so 0 means feasible.
/// </remarks>
public static class Dominance
{
    /// <summary>Whether <paramref name="a"/> Pareto-dominates <paramref name="b"/>: no worse in every objective and better in one.</summary>
    /// <param name="a">First objective vector.</param>
    /// <param name="b">Second objective vector, same length.</param>
    /// <returns>True when a dominates b.</returns>
    public static bool Dominates(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        bool better = false;
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] > b[k])
            {
                return false;
            }

            better |= a[k] < b[k];
        }

        return better;
    }

    /// <summary>Compares two points under constraint domination.</summary>
    /// <param name="a">Objectives of the first point.</param>
    /// <param name="violationA">Total constraint violation of the first point, ≥ 0 (0 = feasible).</param>
    /// <param name="b">Objectives of the second point.</param>
    /// <param name="violationB">Total constraint violation of the second point, ≥ 0.</param>
    /// <returns>1 when a dominates b, −1 when b dominates a, 0 when neither does.</returns>
    public static int Compare(ReadOnlySpan<double> a, double violationA, ReadOnlySpan<double> b, double violationB)
    {
        if (violationA > 0.0 || violationB > 0.0)
        {
            return violationA < violationB ? 1 : violationB < violationA ? -1 : 0;
        }

        bool aBetter = false;
        bool bBetter = false;
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] < b[k])
            {
                aBetter = true;
            }
            else if (b[k] < a[k])
            {
                bBetter = true;
            }
        }

        return aBetter == bBetter ? 0 : aBetter ? 1 : -1;
    }

    /// <summary>The total violation Σ max(0, gⱼ) of a point's constraint values.</summary>
    /// <param name="constraints">Constraint values; g ≤ 0 is feasible.</param>
    /// <returns>0 when feasible, otherwise the summed excess.</returns>
    public static double Violation(ReadOnlySpan<double> constraints)
    {
        double total = 0.0;
        foreach (double g in constraints)
        {
            if (g > 0.0)
            {
                total += g;
            }
        }

        return total;
    }
}
