namespace AutoLab.ActiveLearning.Genetic;

/// <summary>Settings shared by the real-coded GA and NSGA-II; the defaults are those of Deb et al. (2002).</summary>
public sealed record GeneticOptions
{
    /// <summary>Individuals per generation (the batch size of an ask), at least 4 and even; default 100.</summary>
    public int PopulationSize { get; init; } = 100;

    /// <summary>Probability that a pair of parents is crossed (otherwise copied), default 0.9.</summary>
    public double CrossoverProbability { get; init; } = 0.9;

    /// <summary>SBX distribution index η_c, default 20.</summary>
    public double CrossoverEta { get; init; } = 20.0;

    /// <summary>Polynomial-mutation distribution index η_m, default 20.</summary>
    public double MutationEta { get; init; } = 20.0;

    /// <summary>
    /// Whether a child that came out of crossover and mutation equal to one of its parents gets one
    /// variable mutated for certain, default true. In a laboratory every individual is a measurement, and a
    /// clone of an evaluated parent spends one without learning anything; Deb's and DEAP's NSGA-II keep
    /// clones, so the benchmark against DEAP turns this off to compare the same operators.
    /// </summary>
    public bool AvoidClones { get; init; } = true;

    /// <summary>Probability that each variable mutates; NaN (the default) means 1/D.</summary>
    public double MutationProbability { get; init; } = double.NaN;

    /// <summary>Individuals drawn per tournament when choosing a parent, default 2 (binary tournament).</summary>
    public int TournamentSize { get; init; } = 2;

    /// <summary>
    /// NSGA-II only: cut the last front by removing its most crowded member and recomputing the crowding
    /// distances, one member at a time (Kukkonen and Deb 2006), instead of ranking the distances once as
    /// Deb et al. (2002) do. Spreads three or more objectives more evenly for more work per generation; default false.
    /// </summary>
    public bool IterativeCrowding { get; init; }

    /// <summary>Most re-draws of a child that breaks a feasibility test before a parent is copied instead; default 100.</summary>
    public int MaxRepairDraws { get; init; } = 100;

    /// <summary>Every problem with the settings, empty when they are valid.</summary>
    /// <returns>One sentence per problem.</returns>
    public IReadOnlyList<string> Validate()
    {
        List<string> problems = [];
        if (PopulationSize < 4 || PopulationSize % 2 != 0)
        {
            problems.Add($"population size must be an even number of at least 4; got {PopulationSize}");
        }

        if (!(CrossoverProbability >= 0.0 && CrossoverProbability <= 1.0))
        {
            problems.Add($"crossover probability must be in [0, 1]; got {CrossoverProbability}");
        }

        if (!(CrossoverEta > 0.0) || !double.IsFinite(CrossoverEta))
        {
            problems.Add($"crossover eta must be positive and finite; got {CrossoverEta}");
        }

        if (!(MutationEta > 0.0) || !double.IsFinite(MutationEta))
        {
            problems.Add($"mutation eta must be positive and finite; got {MutationEta}");
        }

        if (!double.IsNaN(MutationProbability) && !(MutationProbability >= 0.0 && MutationProbability <= 1.0))
        {
            problems.Add($"mutation probability must be in [0, 1] (or NaN for 1/D); got {MutationProbability}");
        }

        if (TournamentSize < 1)
        {
            problems.Add($"tournament size must be at least 1; got {TournamentSize}");
        }

        if (MaxRepairDraws < 0)
        {
            problems.Add($"max repair draws must not be negative; got {MaxRepairDraws}");
        }

        return problems;
    }
}
