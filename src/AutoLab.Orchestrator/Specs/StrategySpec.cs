namespace AutoLab.Orchestrator.Specs;

/// <summary>The <c>strategy</c> section: a strategy name and its options, as written.</summary>
/// <remarks>Whether the strategy needs history is a property of the strategy, not of the spec; the
/// compiler takes it from the <see cref="SpecCatalog"/>.</remarks>
public sealed record StrategySpec
{
    /// <summary>Strategy name as registered by the active-learning service, e.g. "sobol".</summary>
    public string Name { get; init; } = "";

    /// <summary>Strategy options as text.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}
