namespace AutoLab.Orchestrator.Specs;

/// <summary>What the catalog knows about one suggestion strategy.</summary>
public sealed record StrategyCatalogEntry
{
    /// <summary>Whether the strategy reads past observations (model-based) or only their count (space-filling).</summary>
    public bool NeedsHistory { get; init; }
}
