namespace AutoLab.Contracts.ActiveLearning;

/// <summary>Event: the active-learning service could not answer a <see cref="SuggestExperiments"/>.</summary>
public sealed record SuggestionFailed
{
    /// <summary>Campaign that asked.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>The request that failed.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>When it failed (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>What was wrong (unknown strategy, infeasible constraints, ...).</summary>
    public required string Reason { get; init; }
}
