using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Genetic;

/// <summary>
/// The generational loop shared by the real-coded GA and NSGA-II: a Latin hypercube initial design,
/// tournament selection, SBX crossover, polynomial mutation and (μ + λ) survival over parents and offspring.
/// </summary>
/// <remarks>
/// Generation g draws its randomness from its own stream (seed, g), so replaying the same tells gives the
/// same asks whatever happened before (the suggestion strategies rely on this). Survival and the tournament
/// comparison are the subclasses' business. <seealso cref="GeneticAlgorithm"/> <seealso cref="Nsga2"/>
/// </remarks>
public abstract class EvolutionaryOptimizer : IAskTellOptimizer
{
    private readonly double[] lower;
    private readonly double[] upper;
    private readonly Func<double[], bool>? feasible;
    private readonly double mutationProbability;
    private readonly double[] candidate;
    private Population combined;

    /// <summary>Creates the optimizer for a problem.</summary>
    /// <param name="problem">Supplies the bounds and the objective and constraint counts; it is not evaluated here.</param>
    /// <param name="options">Population size and operator settings.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="feasible">Optional test every asked point must pass (e.g. a campaign's linear constraints); children that fail are re-drawn.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    protected EvolutionaryOptimizer(IProblem problem, GeneticOptions options, long seed, Func<double[], bool>? feasible = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid genetic options: {string.Join("; ", problems)}", nameof(options));
        }

        Options = options;
        Seed = seed;
        this.feasible = feasible;
        lower = [.. problem.Lower];
        upper = [.. problem.Upper];
        Dimension = problem.Dimension;
        ObjectiveCount = problem.ObjectiveCount;
        ConstraintCount = problem.ConstraintCount;
        mutationProbability = double.IsNaN(options.MutationProbability) ? 1.0 / Dimension : options.MutationProbability;
        int n = options.PopulationSize;
        Parents = new Population(n, Dimension, ObjectiveCount, ConstraintCount);
        Offspring = new Population(n, Dimension, ObjectiveCount, ConstraintCount);
        combined = new Population(2 * n, Dimension, ObjectiveCount, ConstraintCount);
        candidate = new double[Dimension];
    }

    /// <summary>The settings.</summary>
    public GeneticOptions Options { get; }

    /// <summary>The seed.</summary>
    public long Seed { get; }

    /// <summary>D, variables per individual.</summary>
    public int Dimension { get; }

    /// <summary>M, objectives per individual.</summary>
    public int ObjectiveCount { get; }

    /// <summary>C, constraint values per individual.</summary>
    public int ConstraintCount { get; }

    /// <inheritdoc/>
    public int Generation { get; private set; }

    /// <inheritdoc/>
    public long Evaluations { get; private set; }

    /// <inheritdoc/>
    public Population Parents { get; }

    /// <inheritdoc/>
    public virtual double BestObjective => double.NaN;

    /// <summary>Lower bounds of the variables.</summary>
    protected ReadOnlySpan<double> Lower => lower;

    /// <summary>Upper bounds of the variables.</summary>
    protected ReadOnlySpan<double> Upper => upper;

    /// <summary>The batch buffer the asks fill.</summary>
    protected Population Offspring { get; }

    /// <inheritdoc/>
    public Population Ask()
    {
        SplitMix64 random = SplitMix64.ForStream(Seed, Generation);
        int n = Options.PopulationSize;
        Offspring.Count = n;
        if (Parents.Count == 0)
        {
            InitialDesign(random);
            return Offspring;
        }

        for (int i = 0; i < n; i += 2)
        {
            Breed(i, random);
        }

        AfterBreeding(Offspring, random);
        return Offspring;
    }

    /// <inheritdoc/>
    public void Tell(Population evaluated)
    {
        ArgumentNullException.ThrowIfNull(evaluated);
        if (evaluated.Dimension != Dimension || evaluated.ObjectiveCount != ObjectiveCount || evaluated.ConstraintCount != ConstraintCount)
        {
            throw new ArgumentException(
                $"told a population of shape D={evaluated.Dimension}, M={evaluated.ObjectiveCount}, C={evaluated.ConstraintCount}; the optimizer has D={Dimension}, M={ObjectiveCount}, C={ConstraintCount}",
                nameof(evaluated));
        }

        for (int i = 0; i < evaluated.Count; i++)
        {
            foreach (double f in evaluated.F(i))
            {
                if (double.IsNaN(f))
                {
                    throw new ArgumentException($"individual {i} has a NaN objective", nameof(evaluated));
                }
            }

            evaluated.Violations[i] = MultiObjective.Dominance.Violation(evaluated.G(i));
        }

        int total = Parents.Count + evaluated.Count;
        if (combined.Capacity < total)
        {
            combined = new Population(total, Dimension, ObjectiveCount, ConstraintCount);
        }

        for (int i = 0; i < Parents.Count; i++)
        {
            combined.CopyFrom(i, Parents, i);
        }

        for (int i = 0; i < evaluated.Count; i++)
        {
            combined.CopyFrom(Parents.Count + i, evaluated, i);
        }

        combined.Count = total;
        BeforeSurvival(evaluated);
        Parents.Count = Math.Min(Options.PopulationSize, total);
        Survive(combined, Parents);
        Generation++;
        Evaluations += evaluated.Count;
    }

    /// <summary>Chooses the survivors.</summary>
    /// <param name="candidates">Parents and newly evaluated individuals, with violations set.</param>
    /// <param name="survivors">Receives the survivors; its <see cref="Population.Count"/> is already set to how many.</param>
    protected abstract void Survive(Population candidates, Population survivors);

    /// <summary>Whether parent i should win a tournament against parent j.</summary>
    /// <param name="i">Index into <see cref="Parents"/>.</param>
    /// <param name="j">Index into <see cref="Parents"/>.</param>
    /// <returns>True when i is strictly better.</returns>
    protected abstract bool Better(int i, int j);

    /// <summary>A hook after the offspring of a generation are bred and before they are asked; does nothing by default.</summary>
    /// <param name="offspring">The batch about to be returned.</param>
    /// <param name="random">The generation's generator, after breeding.</param>
    protected virtual void AfterBreeding(Population offspring, SplitMix64 random)
    {
    }

    /// <summary>A hook when a batch is told, before survival; does nothing by default.</summary>
    /// <param name="evaluated">The evaluated individuals, violations set.</param>
    protected virtual void BeforeSurvival(Population evaluated)
    {
    }

    /// <summary>Whether a point passes the optional feasibility test given at construction.</summary>
    /// <param name="x">The variables.</param>
    /// <returns>True when there is no test or the point passes.</returns>
    protected bool IsAcceptable(ReadOnlySpan<double> x)
    {
        if (feasible is null)
        {
            return true;
        }

        x.CopyTo(candidate);
        return feasible(candidate);
    }

    private int Tournament(SplitMix64 random)
    {
        int best = random.NextInt32(Parents.Count);
        for (int t = 1; t < Options.TournamentSize; t++)
        {
            int challenger = random.NextInt32(Parents.Count);
            if (Better(challenger, best))
            {
                best = challenger;
            }
        }

        return best;
    }

    private void Breed(int slot, SplitMix64 random)
    {
        int p1 = Tournament(random);
        int p2 = Tournament(random);
        Span<double> a = Offspring.X(slot);
        Span<double> b = Offspring.X(slot + 1);
        for (int draw = 0; ; draw++)
        {
            Parents.X(p1).CopyTo(a);
            Parents.X(p2).CopyTo(b);
            if (random.NextDouble() <= Options.CrossoverProbability)
            {
                SimulatedBinaryCrossover.Apply(a, b, lower, upper, Options.CrossoverEta, random);
            }

            PolynomialMutation.Apply(a, lower, upper, Options.MutationEta, mutationProbability, random);
            PolynomialMutation.Apply(b, lower, upper, Options.MutationEta, mutationProbability, random);
            if (Options.AvoidClones)
            {
                MoveOffParents(a, Parents.X(p1), Parents.X(p2), random);
                MoveOffParents(b, Parents.X(p1), Parents.X(p2), random);
            }

            bool okA = IsAcceptable(a);
            bool okB = IsAcceptable(b);
            if (okA && okB)
            {
                return;
            }

            if (draw >= Options.MaxRepairDraws)
            {
                // Out of draws: fall back to copies of the parents, which were asked, so they passed the test.
                if (!okA)
                {
                    Parents.X(p1).CopyTo(a);
                }

                if (!okB)
                {
                    Parents.X(p2).CopyTo(b);
                }

                return;
            }
        }
    }

    /// <summary>Mutates one randomly chosen variable of a child that equals a parent, so no measurement repeats a parent's.</summary>
    private void MoveOffParents(Span<double> child, ReadOnlySpan<double> parent1, ReadOnlySpan<double> parent2, SplitMix64 random)
    {
        // A few tries: a mutation at a bound can be clamped back onto the same value.
        for (int attempt = 0; attempt < 4 && (child.SequenceEqual(parent1) || child.SequenceEqual(parent2)); attempt++)
        {
            int variable = random.NextInt32(Dimension);
            PolynomialMutation.Apply(child.Slice(variable, 1), lower.AsSpan(variable, 1), upper.AsSpan(variable, 1), Options.MutationEta, 1.0, random);
        }
    }

    private void InitialDesign(SplitMix64 random)
    {
        int n = Options.PopulationSize;
        double[][] design = LatinHypercube.Design(n, Dimension, random);
        for (int i = 0; i < n; i++)
        {
            Span<double> x = Offspring.X(i);
            for (int draw = 0; ; draw++)
            {
                for (int d = 0; d < Dimension; d++)
                {
                    double u = draw == 0 ? design[i][d] : random.NextDouble();
                    x[d] = lower[d] + (u * (upper[d] - lower[d]));
                }

                if (IsAcceptable(x))
                {
                    break;
                }

                if (draw >= Options.MaxRepairDraws)
                {
                    throw new InvalidOperationException($"no point of the initial design passed the feasibility test after {draw + 1} draws; the feasible region looks empty or tiny");
                }
            }
        }
    }
}
