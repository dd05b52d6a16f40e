namespace AutoLab.Contracts.Orchestration;

/// <summary>Event: an experiment finished all its steps and produced an observation.</summary>
public sealed record ExperimentCompleted
{
    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>The experiment.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>When it completed (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The resulting observation (parameters, objectives, uncertainties).</summary>
    public required Observation Observation { get; init; }
}
