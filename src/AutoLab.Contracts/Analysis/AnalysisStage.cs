namespace AutoLab.Contracts.Analysis;

/// <summary>One stage of a campaign's analysis pipeline: a named model and its options.</summary>
public sealed record AnalysisStage
{
    /// <summary>Model name as registered by the analysis service, e.g. "readings".</summary>
    public required string Model { get; init; }

    /// <summary>Stage options from the campaign spec.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}
