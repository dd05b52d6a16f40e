using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.Problems;

namespace AutoLab.ActiveLearning.Genetic;

/// <summary>
/// NSGA-II (Deb, Pratap, Agarwal and Meyarivan, IEEE TEVC 6, 182–197, 2002): survival by fast
/// non-dominated sorting with constraint domination, ties in the last front broken by crowding distance;
/// binary tournaments compare rank, then crowding distance.
/// </summary>
/// <remarks>
/// Sorting, crowding and selection run on reusable buffers, so a generation allocates nothing once warm.
/// <seealso cref="NonDominatedSorter"/> <seealso cref="CrowdingDistance"/>
/// </remarks>
public class Nsga2 : EvolutionaryOptimizer
{
    private readonly NonDominatedSorter sorter = new();
    private readonly CrowdingDistance crowding = new();
    private int[] rank = [];
    private double[] distance = [];
    private double[] frontDistance = [];
    private double[] keys = [];
    private int[] items = [];

    /// <summary>Creates the algorithm.</summary>
    /// <param name="problem">The problem (bounds and counts).</param>
    /// <param name="options">Population size and operators.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="feasible">Optional test every asked point must pass.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public Nsga2(IProblem problem, GeneticOptions options, long seed, Func<double[], bool>? feasible = null)
        : base(problem, options, seed, feasible)
    {
        rank = new int[options.PopulationSize];
        distance = new double[options.PopulationSize];
    }

    /// <summary>Non-domination rank of each parent (0 = first front), by parent index.</summary>
    public ReadOnlySpan<int> Ranks => rank.AsSpan(0, Parents.Count);

    /// <summary>Crowding distance of each parent within its front, by parent index.</summary>
    public ReadOnlySpan<double> Crowding => distance.AsSpan(0, Parents.Count);

    /// <inheritdoc/>
    protected override void Survive(Population candidates, Population survivors)
    {
        int m = candidates.ObjectiveCount;
        int n = candidates.Count;
        int keep = survivors.Count;
        ReadOnlySpan<double> violations = candidates.ConstraintCount > 0 ? candidates.Violations.AsSpan(0, n) : [];
        sorter.Sort(candidates.Objectives.AsSpan(0, n * m), m, violations, keep);
        if (frontDistance.Length < n)
        {
            frontDistance = new double[n];
            keys = new double[n];
            items = new int[n];
        }

        int filled = 0;
        for (int f = 0; f < sorter.FrontCount && filled < keep; f++)
        {
            ReadOnlySpan<int> front = sorter.Front(f);
            Span<double> d = frontDistance.AsSpan(0, front.Length);
            crowding.Compute(candidates.Objectives, m, front, d);
            if (filled + front.Length <= keep)
            {
                for (int p = 0; p < front.Length; p++)
                {
                    Place(survivors, filled++, candidates, front[p], f, d[p]);
                }

                continue;
            }

            if (Options.IterativeCrowding)
            {
                filled = PruneOneByOne(candidates, survivors, front, f, filled, keep);
                continue;
            }

            // The last front does not fit: keep its least crowded members.
            Span<double> k = keys.AsSpan(0, front.Length);
            Span<int> position = items.AsSpan(0, front.Length);
            for (int p = 0; p < front.Length; p++)
            {
                k[p] = -d[p];
                position[p] = p;
            }

            k.Sort(position);
            for (int p = 0; filled < keep; p++)
            {
                Place(survivors, filled++, candidates, front[position[p]], f, d[position[p]]);
            }
        }
    }

    /// <inheritdoc/>
    protected override bool Better(int i, int j) =>
        rank[i] != rank[j] ? rank[i] < rank[j] : distance[i] > distance[j];

    private int PruneOneByOne(Population candidates, Population survivors, ReadOnlySpan<int> front, int frontNumber, int filled, int keep)
    {
        // Drop the most crowded member and recompute, until the rest fits (Kukkonen and Deb 2006).
        int m = candidates.ObjectiveCount;
        int size = front.Length;
        Span<int> members = items.AsSpan(0, size);
        front.CopyTo(members);
        Span<double> d = frontDistance.AsSpan(0, size);
        while (true)
        {
            crowding.Compute(candidates.Objectives, m, members[..size], d[..size]);
            if (filled + size <= keep)
            {
                break;
            }

            int worst = 0;
            for (int p = 1; p < size; p++)
            {
                if (d[p] < d[worst])
                {
                    worst = p;
                }
            }

            members[worst] = members[size - 1];
            size--;
        }

        for (int p = 0; p < size; p++)
        {
            Place(survivors, filled++, candidates, members[p], frontNumber, d[p]);
        }

        return filled;
    }

    private void Place(Population survivors, int slot, Population candidates, int index, int front, double crowd)
    {
        survivors.CopyFrom(slot, candidates, index);
        rank[slot] = front;
        distance[slot] = crowd;
    }
}
