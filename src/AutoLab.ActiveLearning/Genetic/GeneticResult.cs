namespace AutoLab.ActiveLearning.Genetic;

/// <summary>The outcome of a synchronous genetic run: why it ended, and the final population.</summary>
public sealed record GeneticResult
{
    /// <summary>Which criterion ended the run.</summary>
    public required ExitReason ExitReason { get; init; }

    /// <summary>True when a termination criterion ended the run; false when it was cancelled.</summary>
    public required bool Success { get; init; }

    /// <summary>A sentence saying why the run ended.</summary>
    public required string Message { get; init; }

    /// <summary>Generations run, the initial population included.</summary>
    public required int Generations { get; init; }

    /// <summary>Objective evaluations made.</summary>
    public required long Evaluations { get; init; }

    /// <summary>Wall time of the run.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The final surviving population (a copy).</summary>
    public required Population Final { get; init; }

    /// <summary>The best feasible objective for a single-objective run; NaN otherwise.</summary>
    public required double BestObjective { get; init; }

    /// <summary>Objective vectors of the final population's feasible, mutually non-dominated members.</summary>
    public required IReadOnlyList<double[]> ParetoFront { get; init; }

    /// <summary>Variables of the same members, in the same order as <see cref="ParetoFront"/>.</summary>
    public required IReadOnlyList<double[]> ParetoSet { get; init; }
}
