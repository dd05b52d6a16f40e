namespace AutoLab.Orchestrator.Specs;

/// <summary>The outcome of checking a spec's meaning against itself and a <see cref="SpecCatalog"/>.</summary>
public sealed record SpecValidationResult
{
    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<SpecError> Errors { get; init; } = [];

    /// <summary>True when no problem was found.</summary>
    public bool IsValid => Errors.Count == 0;
}
