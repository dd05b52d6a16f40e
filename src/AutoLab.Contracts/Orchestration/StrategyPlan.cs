namespace AutoLab.Contracts.Orchestration;

/// <summary>Which suggestion strategy the campaign uses and how it is configured.</summary>
public sealed record StrategyPlan
{
    /// <summary>Strategy name as registered by the active-learning service, e.g. "random", "sobol", "lhs".</summary>
    public required string Name { get; init; }

    /// <summary>Strategy options from the campaign spec.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether the strategy reads past observations. Space-filling strategies need only the count,
    /// so the orchestrator sends the history inline only when this is true.
    /// </summary>
    public bool NeedsHistory { get; init; }
}
