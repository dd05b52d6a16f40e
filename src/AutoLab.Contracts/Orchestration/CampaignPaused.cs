namespace AutoLab.Contracts.Orchestration;

/// <summary>Event: a campaign has no experiments in flight and waits for a resume.</summary>
public sealed record CampaignPaused
{
    /// <summary>The campaign.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>When it paused (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Why it paused (a request, or a halt that ends resumable).</summary>
    public string Reason { get; init; } = "";
}
