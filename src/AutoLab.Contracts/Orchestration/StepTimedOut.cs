namespace AutoLab.Contracts.Orchestration;

/// <summary>Scheduled event: a step's time limit passed. Ignored if the step already finished.</summary>
public sealed record StepTimedOut
{
    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Experiment whose step timed out.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>The step that timed out.</summary>
    public required ExperimentStep Step { get; init; }

    /// <summary>The attempt that timed out.</summary>
    public required int Attempt { get; init; }

    /// <summary>When the timeout was scheduled to fire (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
