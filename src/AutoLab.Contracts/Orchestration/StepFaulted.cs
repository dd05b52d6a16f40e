namespace AutoLab.Contracts.Orchestration;

/// <summary>Event: an experiment step failed (published by adapters, the analysis service or the experiment saga).</summary>
public sealed record StepFaulted
{
    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Experiment whose step failed.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>Idempotency key of the step command that failed.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the failure was detected (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The step that failed.</summary>
    public required ExperimentStep Step { get; init; }

    /// <summary>Instrument or service that served the step.</summary>
    public string Instrument { get; init; } = "";

    /// <summary>1-based attempt that failed.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Classification of the failure.</summary>
    public required StepFaultKind Kind { get; init; }

    /// <summary>Human-readable reason naming the problem and where it is.</summary>
    public required string Reason { get; init; }

    /// <summary>Whether trying again may succeed; refusals and bad parameters are not retryable.</summary>
    public bool Retryable { get; init; } = true;

    /// <summary>
    /// Instrument time the failed attempt used before it failed, in seconds (virtual seconds for simulators on
    /// the virtual clock); 0 when none was used or the sender does not say.
    /// </summary>
    /// <remarks>
    /// A measure attempt that fails after exposing still used the beam, so beam-time accounting counts it once per
    /// attempt. Optional on the wire: a sender that leaves it out (an older adapter, a fault raised by the
    /// orchestrator itself) reads as 0.
    /// </remarks>
    public double DurationSeconds { get; init; }
}
