namespace AutoLab.Contracts.Orchestration;

/// <summary>Command: halt a campaign gracefully (e.g. the beamtime window ends): start nothing more, let experiments in flight finish, end resumable.</summary>
public sealed record HaltCampaign
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
