using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Genetic.Strategies;

/// <summary>
/// The shared replay of the genetic strategies: a generation is a block of population-size suggestions,
/// rebuilt from the seed and the observation history on every request.
/// </summary>
/// <remarks>
/// <para>Suggestion k of the campaign (k = <see cref="SuggestionRequest.SuggestedSoFar"/> + i, 0-based)
/// belongs to generation ⌊k / N⌋ at position k mod N, and the experiment that runs it is expected to carry
/// <see cref="Observation.Sequence"/> k + 1 (the orchestrator starts suggestions in order). To answer, the
/// strategy creates the optimizer from the seed, and for each earlier generation asks (which regenerates
/// that generation's batch, and for the ML-MOGA its intervention) and tells the observations whose
/// sequence falls in that generation's block — their actual points and objectives, not the regenerated
/// ones. Then it asks the current generation and hands out positions from k on. Each generation draws its
/// randomness from its own stream of the seed, so the same seed and history give the same suggestions.</para>
/// <para>A generation is bred from the whole of the one before: while points of the previous block are still
/// pending (in flight or not yet started), a request for the first position of a new block gets nothing, and a
/// request that would run past the end of the current block gets only the rest of that block. The campaign
/// then waits for experiments to finish and asks again (the orchestrator refills its batch as experiments
/// finish, one slot at a time), so a campaign through the engine breeds the same generations as one that
/// asks a generation at a time. Without that rule the first observation of a generation would be told as if
/// it were the whole generation, and its successor bred from it: measured through the engine on the
/// dynamic-aperture benchmark, the second generation's hypervolume fell from 0.22 to 0.0005. When nothing is
/// pending, a block that will stay short (suggestions discarded by a halt) is told as it is and the next one
/// bred. Faulted experiments are infeasible (constraint domination); a successful observation without a
/// finite value for every objective is refused. Maximised objectives are negated. Linear constraints are
/// met by re-drawing children (option <c>max_draws</c>) and, failing that, copying a parent.</para>
/// </remarks>
public abstract class GeneticStrategy : ISuggestionStrategy
{
    /// <summary>Option: individuals per generation.</summary>
    public const string PopulationOption = "population";

    /// <summary>Default population when the campaign does not set one: small, since every individual is an experiment.</summary>
    public const int DefaultPopulation = 20;

    /// <summary>Options every genetic strategy reads.</summary>
    protected static readonly string[] CommonOptions =
        [PopulationOption, "crossover_eta", "mutation_eta", "tournament_size", StrategyOptions.MaxDrawsOption];

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public bool NeedsHistory => true;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Count == 0)
        {
            return [];
        }

        int m = request.Objectives.Count;
        CheckObjectives(m);
        GeneticOptions options = ReadCommon(request.Options);
        int n = options.PopulationSize;
        UnitCubeProblem shape = new(request.Space.Dimension, m);
        Func<double[], bool>? feasible = request.Constraints.IsEmpty
            ? null
            : unit => request.Constraints.IsSatisfiedBy(request.Space.FromUnit(unit));
        IAskTellOptimizer optimizer = Create(shape, options, request, feasible);
        Population[] blocks = Blocks(request, shape, n);

        List<ParameterPoint> suggestions = new(request.Count);
        long next = request.SuggestedSoFar;
        try
        {
            int block = 0;
            while (suggestions.Count < request.Count)
            {
                int current = (int)(next / n);
                if (block == current && next % n == 0 && current > 0 && blocks.ElementAtOrDefault(current - 1)?.Count != n && request.Pending.Count > 0)
                {
                    // Breed the next generation only from the whole of this one: wait for its pending points.
                    break;
                }

                Population batch = optimizer.Ask();
                if (block < current)
                {
                    optimizer.Tell(block < blocks.Length ? blocks[block] : Empty(shape));
                    block++;
                    continue;
                }

                for (int position = (int)(next % n); position < n && suggestions.Count < request.Count; position++)
                {
                    suggestions.Add(request.Space.FromUnit(batch.X(position)));
                    next++;
                }

                optimizer.Tell(block < blocks.Length ? blocks[block] : Empty(shape));
                block++;
            }
        }
        catch (InvalidOperationException e)
        {
            throw new SuggestionException($"strategy '{Name}': {e.Message}");
        }

        return suggestions;
    }

    /// <summary>Rejects objective counts the strategy cannot handle.</summary>
    /// <param name="objectiveCount">The campaign's objectives.</param>
    /// <exception cref="SuggestionException">The count is not supported.</exception>
    protected virtual void CheckObjectives(int objectiveCount)
    {
        if (objectiveCount < 1)
        {
            throw new SuggestionException($"strategy '{Name}' needs at least one objective; the campaign has none");
        }
    }

    /// <summary>Creates the optimizer for a request.</summary>
    /// <param name="shape">Variables, objectives and the failure constraint.</param>
    /// <param name="options">The common settings, read from the request.</param>
    /// <param name="request">The request, for strategy-specific options and the seed.</param>
    /// <param name="feasible">The campaign's linear constraints as a test on unit-cube points, or null.</param>
    /// <returns>A fresh optimizer.</returns>
    protected abstract IAskTellOptimizer Create(UnitCubeProblem shape, GeneticOptions options, SuggestionRequest request, Func<double[], bool>? feasible);

    /// <summary>Reads the options every genetic strategy has.</summary>
    /// <param name="options">The request's options; unknown names must already have been rejected.</param>
    /// <returns>The settings.</returns>
    protected static GeneticOptions ReadCommon(StrategyOptions options)
    {
        int population = options.GetInt32(PopulationOption, DefaultPopulation, 4, 100_000);
        if (population % 2 != 0)
        {
            throw new SuggestionException($"option '{PopulationOption}' must be even (children come in pairs); got {population}");
        }

        return new GeneticOptions
        {
            PopulationSize = population,
            CrossoverEta = options.GetInt32("crossover_eta", 20, 1, 1000),
            MutationEta = options.GetInt32("mutation_eta", 20, 1, 1000),
            TournamentSize = options.GetInt32("tournament_size", 2, 1, population),
            MaxRepairDraws = options.GetMaxDraws(),
        };
    }

    private static Population Empty(UnitCubeProblem shape) => new(1, shape.Dimension, shape.ObjectiveCount, 1);

    private static Population[] Blocks(SuggestionRequest request, UnitCubeProblem shape, int n)
    {
        IReadOnlyList<ObjectiveDefinition> objectives = request.Objectives;
        int m = objectives.Count;
        int highest = -1;
        foreach (Observation o in request.History)
        {
            if (o.Sequence < 1)
            {
                throw new SuggestionException($"observation sequence numbers start at 1; got {o.Sequence}");
            }

            highest = Math.Max(highest, (o.Sequence - 1) / n);
        }

        Population[] blocks = new Population[highest + 1];
        for (int b = 0; b <= highest; b++)
        {
            blocks[b] = new Population(n, shape.Dimension, m, 1);
        }

        // The orchestrator sends history ordered by sequence; sort anyway so the order inside a block is fixed.
        foreach (Observation o in request.History.OrderBy(o => o.Sequence))
        {
            Population block = blocks[(o.Sequence - 1) / n];
            if (block.Count == block.Capacity)
            {
                throw new SuggestionException($"more than {n} observations fall in the generation of sequence {o.Sequence}; sequence numbers must be unique");
            }

            int i = block.Count++;
            try
            {
                request.Space.ToUnit(o.Parameters).CopyTo(block.X(i));
            }
            catch (ArgumentException e)
            {
                throw new SuggestionException($"observation {o.Sequence}: {e.Message}");
            }

            Span<double> f = block.F(i);
            if (!o.Succeeded)
            {
                f.Clear();
                block.G(i)[0] = 1.0;
                continue;
            }

            for (int k = 0; k < m; k++)
            {
                ObjectiveDefinition objective = objectives[k];
                if (!o.Objectives.TryGetValue(objective.Name, out double value))
                {
                    throw new SuggestionException($"observation {o.Sequence} succeeded but has no value for objective '{objective.Name}'");
                }

                if (!double.IsFinite(value))
                {
                    throw new SuggestionException($"observation {o.Sequence} has a non-finite value ({value}) for objective '{objective.Name}'");
                }

                f[k] = objective.Direction == ObjectiveDirection.Maximize ? -value : value;
            }

            block.G(i)[0] = -1.0;
        }

        return blocks;
    }
}
