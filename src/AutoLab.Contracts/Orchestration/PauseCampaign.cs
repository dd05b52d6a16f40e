namespace AutoLab.Contracts.Orchestration;

/// <summary>Command: pause a campaign: start no new experiments, let those in flight finish, then wait in Paused.</summary>
public sealed record PauseCampaign
{
    /// <summary>The campaign.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Unique per request, so a re-delivery acts once.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the command was sent (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Who or what asked, for the journal (e.g. "cli", "beamtime-window").</summary>
    public string RequestedBy { get; init; } = "";
}
