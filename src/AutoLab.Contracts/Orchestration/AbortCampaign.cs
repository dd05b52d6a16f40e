namespace AutoLab.Contracts.Orchestration;

/// <summary>Command: abort a campaign: start nothing more, abandon experiments in flight, end as Aborted.</summary>
public sealed record AbortCampaign
{
    /// <summary>The campaign.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Unique per request, so a re-delivery acts once.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the command was sent (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Why, for the journal and the summary.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Who or what asked, for the journal (e.g. "cli", "beamtime-window").</summary>
    public string RequestedBy { get; init; } = "";
}
