namespace AutoLab.Contracts.Orchestration;

/// <summary>Scheduled command: run a failed step again after its back-off.</summary>
public sealed record RetryStep
{
    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Experiment whose step is retried.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>The step to run again.</summary>
    public required ExperimentStep Step { get; init; }

    /// <summary>The attempt about to be made (2 for the first retry).</summary>
    public required int Attempt { get; init; }

    /// <summary>When the retry was scheduled to fire (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
