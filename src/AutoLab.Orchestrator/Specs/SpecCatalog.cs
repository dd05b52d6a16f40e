namespace AutoLab.Orchestrator.Specs;

/// <summary>
/// What the running system offers, for checking a spec's names: instruments (with the steps they
/// serve and their declared safety envelopes), strategies and analysis models.
/// </summary>
/// <remarks>
/// Each set may be null, meaning "not known here, not checked": <c>autolab validate</c> on a machine
/// without the services still checks everything else. Names compare case-sensitively because they
/// are queue and registry names.
/// </remarks>
public sealed record SpecCatalog
{
    /// <summary>A catalog that checks no names (every set unknown).</summary>
    public static SpecCatalog Unchecked { get; } = new();

    /// <summary>Known instruments by name, or null when instrument names are not checked.</summary>
    public IReadOnlyDictionary<string, InstrumentCatalogEntry>? Instruments { get; init; }

    /// <summary>Known strategies by name, or null when strategy names are not checked.</summary>
    public IReadOnlyDictionary<string, StrategyCatalogEntry>? Strategies { get; init; }

    /// <summary>Known analysis model names, or null when model names are not checked.</summary>
    public IReadOnlySet<string>? AnalysisModels { get; init; }
}
