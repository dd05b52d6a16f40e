namespace AutoLab.Contracts.Orchestration;

/// <summary>Command: start a new campaign from a compiled plan.</summary>
public sealed record StartCampaign
{
    /// <summary>New campaign's id (the campaign saga's correlation id).</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Same for every re-delivery, so the campaign is started once.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the command was sent (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>What to run.</summary>
    public required CampaignPlan Plan { get; init; }

    /// <summary>Folder for the campaign's large data (absolute).</summary>
    public string DataDirectory { get; init; } = "";
}
