using AutoLab.ActiveLearning.Problems;

namespace AutoLab.ActiveLearning.Genetic;

/// <summary>
/// A real-coded, single-objective genetic algorithm: tournament selection, SBX, polynomial mutation and
/// (μ + λ) survival of the best by constraint domination (feasible first, then by objective).
/// </summary>
/// <remarks>
/// With a single objective, Deb's constraint domination reduces to ordering by (violation, objective),
/// so survival is a sort. <seealso cref="Nsga2"/>
/// </remarks>
public sealed class GeneticAlgorithm : EvolutionaryOptimizer
{
    private int[] order = [];

    /// <summary>Creates the algorithm.</summary>
    /// <param name="problem">A single-objective problem (bounds and counts).</param>
    /// <param name="options">Population size and operators.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="feasible">Optional test every asked point must pass.</param>
    /// <exception cref="ArgumentException">The problem has more than one objective, or the options are invalid.</exception>
    public GeneticAlgorithm(IProblem problem, GeneticOptions options, long seed, Func<double[], bool>? feasible = null)
        : base(problem, options, seed, feasible)
    {
        if (problem.ObjectiveCount != 1)
        {
            throw new ArgumentException($"the genetic algorithm minimises one objective; '{problem.Name}' has {problem.ObjectiveCount} (use NSGA-II)", nameof(problem));
        }
    }

    /// <inheritdoc/>
    public override double BestObjective =>
        Parents.Count > 0 && Parents.Violations[0] == 0.0 ? Parents.Objectives[0] : double.NaN;

    /// <inheritdoc/>
    protected override void Survive(Population candidates, Population survivors)
    {
        int n = candidates.Count;
        if (order.Length < n)
        {
            order = new int[n];
        }

        Span<int> indices = order.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            indices[i] = i;
        }

        // Ties broken by index keep the sort deterministic.
        indices.Sort((a, b) =>
        {
            int c = candidates.Violations[a].CompareTo(candidates.Violations[b]);
            if (c == 0)
            {
                c = candidates.Objectives[a].CompareTo(candidates.Objectives[b]);
            }

            return c != 0 ? c : a.CompareTo(b);
        });

        for (int i = 0; i < survivors.Count; i++)
        {
            survivors.CopyFrom(i, candidates, indices[i]);
        }
    }

    /// <inheritdoc/>
    protected override bool Better(int i, int j)
    {
        double vi = Parents.Violations[i];
        double vj = Parents.Violations[j];
        return vi != vj ? vi < vj : Parents.Objectives[i] < Parents.Objectives[j];
    }
}
