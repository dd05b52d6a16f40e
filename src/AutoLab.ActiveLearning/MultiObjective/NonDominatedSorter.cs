namespace AutoLab.ActiveLearning.MultiObjective;

/// <summary>
/// Deb's fast non-dominated sort (Deb, Pratap, Agarwal and Meyarivan 2002, §III-A) with constraint
/// domination, on reusable buffers so a generation allocates nothing.
/// </summary>
/// <remarks>
/// Each pair is compared once, O(M N²); for every point it counts the points that dominate it and lists
/// the ones it dominates, then peels fronts off in turn. Results stay in <see cref="Order"/> (indices
/// grouped front by front) and <see cref="FrontStarts"/> until the next call. <seealso cref="Dominance"/>
/// </remarks>
public sealed class NonDominatedSorter
{
    private int[] dominatedBy = [];
    private int[] dominatedList = [];
    private int[] dominatedCount = [];
    private int[] order = [];
    private int[] frontStarts = [];
    private int[] ranks = [];
    private int count;
    private int pointCount;
    private int fronts;

    /// <summary>The ranked indices: front 0 first, then front 1, and so on (only the ranked ones when the sort stopped early).</summary>
    public ReadOnlySpan<int> Order => order.AsSpan(0, count);

    /// <summary>Start of each front in <see cref="Order"/>, plus one final entry equal to the point count.</summary>
    public ReadOnlySpan<int> FrontStarts => frontStarts.AsSpan(0, fronts + 1);

    /// <summary>The front (rank, 0 = non-dominated) of each point, by point index.</summary>
    public ReadOnlySpan<int> Ranks => ranks.AsSpan(0, pointCount);

    /// <summary>Number of fronts found by the last <see cref="Sort"/>.</summary>
    public int FrontCount => fronts;

    /// <summary>The indices of one front.</summary>
    /// <param name="front">Front number, 0 to <see cref="FrontCount"/> − 1.</param>
    /// <returns>Indices of the points in that front.</returns>
    public ReadOnlySpan<int> Front(int front) => order.AsSpan(frontStarts[front], frontStarts[front + 1] - frontStarts[front]);

    /// <summary>Sorts points into fronts.</summary>
    /// <param name="objectives">n × M objective values, row-major, all minimised.</param>
    /// <param name="objectiveCount">M.</param>
    /// <param name="violations">Total constraint violation per point (≥ 0), or empty when unconstrained.</param>
    /// <param name="stopAfter">Stop once at least this many points are ranked (the rest get rank <see cref="FrontCount"/>); n or more sorts them all.</param>
    /// <returns>The number of fronts.</returns>
    public int Sort(ReadOnlySpan<double> objectives, int objectiveCount, ReadOnlySpan<double> violations, int stopAfter = int.MaxValue)
    {
        int n = objectives.Length / objectiveCount;
        EnsureCapacity(n);
        pointCount = n;
        Array.Clear(dominatedBy, 0, n);
        Array.Clear(dominatedCount, 0, n);
        bool constrained = !violations.IsEmpty;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> a = objectives.Slice(i * objectiveCount, objectiveCount);
            for (int j = i + 1; j < n; j++)
            {
                ReadOnlySpan<double> b = objectives.Slice(j * objectiveCount, objectiveCount);
                int c = constrained
                    ? Dominance.Compare(a, violations[i], b, violations[j])
                    : Dominance.Compare(a, 0.0, b, 0.0);
                if (c > 0)
                {
                    dominatedList[(i * n) + dominatedCount[i]++] = j;
                    dominatedBy[j]++;
                }
                else if (c < 0)
                {
                    dominatedList[(j * n) + dominatedCount[j]++] = i;
                    dominatedBy[i]++;
                }
            }
        }

        int filled = 0;
        for (int i = 0; i < n; i++)
        {
            if (dominatedBy[i] == 0)
            {
                order[filled++] = i;
                ranks[i] = 0;
            }
        }

        fronts = 0;
        int start = 0;
        frontStarts[0] = 0;
        while (start < filled)
        {
            int end = filled;
            fronts++;
            frontStarts[fronts] = end;
            if (end >= stopAfter)
            {
                break;
            }

            for (int p = start; p < end; p++)
            {
                int i = order[p];
                for (int q = 0; q < dominatedCount[i]; q++)
                {
                    int j = dominatedList[(i * n) + q];
                    if (--dominatedBy[j] == 0)
                    {
                        ranks[j] = fronts;
                        order[filled++] = j;
                    }
                }
            }

            start = end;
        }

        if (filled < n)
        {
            // Stopped early: the unranked points share one last pseudo-rank so callers can tell them apart.
            for (int i = 0; i < n; i++)
            {
                if (dominatedBy[i] > 0)
                {
                    ranks[i] = fronts;
                }
            }
        }

        count = filled < n ? filled : n;
        return fronts;
    }

    private void EnsureCapacity(int n)
    {
        if (frontStarts.Length > n)
        {
            return;
        }

        dominatedBy = new int[n];
        dominatedCount = new int[n];
        dominatedList = new int[n * n];
        order = new int[n];
        frontStarts = new int[n + 1];
        ranks = new int[n];
    }
}
