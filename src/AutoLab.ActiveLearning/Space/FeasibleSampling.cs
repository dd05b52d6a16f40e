using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Space;

/// <summary>
/// Turns a stream of unit-cube candidates into the points of a campaign, rejecting those that break the
/// constraints.
/// </summary>
/// <remarks>
/// Suggestion k of a campaign is the k-th feasible candidate of the stream, so it depends only on the
/// stream (seed) and k, and asking in batches of 4 or 8 gives the same points. Without constraints
/// candidate k is used directly; with constraints the stream is scanned from its start on every request,
/// which costs (points so far) / (feasible fraction) candidates and keeps the strategies stateless.
/// </remarks>
public static class FeasibleSampling
{
    /// <summary>Default limit of consecutive rejected candidates before the constraints are declared infeasible.</summary>
    public const int DefaultMaxDraws = 10_000;

    /// <summary>Feasible points number <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 of a candidate stream.</summary>
    /// <param name="candidateAt">Candidate j of the stream, a unit-cube vector; must be a pure function of j.</param>
    /// <param name="streamLength">Number of candidates the stream has (long.MaxValue when unbounded).</param>
    /// <param name="space">The space the candidates map into.</param>
    /// <param name="constraints">Constraints the points must satisfy.</param>
    /// <param name="first">0-based index of the first feasible point wanted (the campaign's suggestions so far).</param>
    /// <param name="count">Number of points wanted.</param>
    /// <param name="maxDraws">Consecutive rejections after which the constraints are declared infeasible.</param>
    /// <returns>The points, in order.</returns>
    /// <exception cref="SuggestionException">The constraints look infeasible, or the stream ran out.</exception>
    public static IReadOnlyList<ParameterPoint> Take(
        Func<long, double[]> candidateAt,
        long streamLength,
        SearchSpace space,
        ConstraintSet constraints,
        long first,
        int count,
        int maxDraws)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDraws, 1);

        List<ParameterPoint> points = new(count);
        if (constraints.IsEmpty)
        {
            for (long k = first; k < first + count; k++)
            {
                points.Add(space.FromUnit(k < streamLength ? candidateAt(k) : throw Exhausted(streamLength)));
            }

            return points;
        }

        bool[] satisfiedSinceLastFeasible = new bool[constraints.Constraints.Count];
        int rejected = 0;
        long feasibleSeen = 0;
        for (long j = 0; points.Count < count; j++)
        {
            if (j >= streamLength)
            {
                throw Exhausted(streamLength);
            }

            ParameterPoint point = space.FromUnit(candidateAt(j));
            bool feasible = true;
            for (int c = 0; c < satisfiedSinceLastFeasible.Length; c++)
            {
                bool satisfied = constraints.IsSatisfied(c, point);
                satisfiedSinceLastFeasible[c] |= satisfied;
                feasible &= satisfied;
            }

            if (!feasible)
            {
                if (++rejected >= maxDraws)
                {
                    throw Infeasible(rejected, constraints, satisfiedSinceLastFeasible);
                }

                continue;
            }

            if (feasibleSeen++ >= first)
            {
                points.Add(point);
            }

            rejected = 0;
            Array.Clear(satisfiedSinceLastFeasible);
        }

        return points;
    }

    private static SuggestionException Infeasible(int draws, ConstraintSet constraints, bool[] satisfied)
    {
        int never = Array.IndexOf(satisfied, false);
        string which = never >= 0
            ? $"'{constraints.Describe(never)}'"
            : $"all of {string.Join(", ", Enumerable.Range(0, satisfied.Length).Select(c => $"'{constraints.Describe(c)}'"))} together";
        return new SuggestionException($"constraints look infeasible: {draws} draws, none satisfied {which}");
    }

    private static SuggestionException Exhausted(long streamLength) =>
        new($"the strategy's sequence is exhausted: it has {streamLength} points");
}
