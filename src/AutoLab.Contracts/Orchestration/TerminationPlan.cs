namespace AutoLab.Contracts.Orchestration;

/// <summary>Conditions, besides the budget, that end a campaign as Completed.</summary>
public sealed record TerminationPlan
{
    /// <summary>Stop once the first objective reaches this value (in its direction), or null for none.</summary>
    public double? TargetValue { get; init; }

    /// <summary>Stop once this many consecutive completed experiments fail to improve the best value, or null.</summary>
    public int? MaxExperimentsWithoutImprovement { get; init; }
}
