namespace AutoLab.Contracts.Orchestration;

/// <summary>Command: resume a paused or halted campaign.</summary>
public sealed record ResumeCampaign
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
