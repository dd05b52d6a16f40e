namespace AutoLab.Orchestrator.Specs;

/// <summary>What parsing the YAML text produced: the spec as far as it could be read, and the problems found.</summary>
/// <remarks>
/// <see cref="Spec"/> is present whenever the text was a YAML mapping, even with errors, so the
/// validator can still report on the fields that were readable; missing or malformed fields hold
/// defaults and are marked broken in <see cref="CampaignSpec.Source"/>.
/// </remarks>
public sealed record SpecParseResult
{
    /// <summary>The spec, or null when the text was not YAML, was empty, or was not a mapping.</summary>
    public CampaignSpec? Spec { get; init; }

    /// <summary>Syntax, shape and type errors, in document order.</summary>
    public IReadOnlyList<SpecError> Errors { get; init; } = [];
}
