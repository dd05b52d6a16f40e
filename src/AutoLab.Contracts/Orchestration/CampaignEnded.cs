namespace AutoLab.Contracts.Orchestration;

/// <summary>Event: a campaign reached a final (or, when halted, resumable) state.</summary>
public sealed record CampaignEnded
{
    /// <summary>The campaign.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>When it ended (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>How it ended.</summary>
    public required CampaignOutcome Outcome { get; init; }

    /// <summary>Why, in words (budget spent, target reached, fault policy, abort reason).</summary>
    public string Reason { get; init; } = "";

    /// <summary>Experiments that completed.</summary>
    public int Completed { get; init; }

    /// <summary>Experiments that faulted.</summary>
    public int Faulted { get; init; }
}
