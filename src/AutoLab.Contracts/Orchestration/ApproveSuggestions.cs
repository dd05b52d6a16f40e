namespace AutoLab.Contracts.Orchestration;

/// <summary>Command from a human: approve (or reject) the batch of suggestions a campaign is waiting on.</summary>
public sealed record ApproveSuggestions
{
    /// <summary>The campaign.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Unique per decision, so a re-delivery acts once.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the decision was made (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>True to run the waiting suggestions; false to discard them and ask for new ones.</summary>
    public bool Approved { get; init; } = true;

    /// <summary>Who decided, for the journal.</summary>
    public string ApprovedBy { get; init; } = "";
}
