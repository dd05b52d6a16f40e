namespace AutoLab.Contracts.Orchestration;

/// <summary>Event: a batch of suggestions waits for a human's <see cref="ApproveSuggestions"/>.</summary>
public sealed record SuggestionsAwaitingApproval
{
    /// <summary>The campaign.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>When the batch arrived (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The suggested points, in order.</summary>
    public required IReadOnlyList<ParameterPoint> Suggestions { get; init; }
}
