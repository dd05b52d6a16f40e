namespace AutoLab.Contracts.Orchestration;

/// <summary>Event: an experiment gave up after a step failed beyond its retries (or was refused).</summary>
public sealed record ExperimentFaulted
{
    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>The experiment.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>When it faulted (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>1-based order in which the campaign started the experiment.</summary>
    public required int Sequence { get; init; }

    /// <summary>Where the experiment was to run.</summary>
    public required ParameterPoint Parameters { get; init; }

    /// <summary>The step that failed last.</summary>
    public required ExperimentStep Step { get; init; }

    /// <summary>Classification of the last failure.</summary>
    public required StepFaultKind Kind { get; init; }

    /// <summary>Reason of the last failure.</summary>
    public required string Reason { get; init; }
}
