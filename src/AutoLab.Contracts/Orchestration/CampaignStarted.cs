namespace AutoLab.Contracts.Orchestration;

/// <summary>Event: a campaign started (or was recovered) and is running.</summary>
public sealed record CampaignStarted
{
    /// <summary>The campaign.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>When it started (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Campaign name from the plan.</summary>
    public required string Name { get; init; }

    /// <summary>Experiments already finished (non-zero after a recovery).</summary>
    public int FinishedExperiments { get; init; }
}
