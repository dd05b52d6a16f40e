namespace AutoLab.Contracts.Orchestration;

/// <summary>Command from the campaign saga: run one experiment through its steps.</summary>
public sealed record StartExperiment
{
    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>New experiment's id (the experiment saga's correlation id).</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>Same for every re-delivery, so the experiment is started once.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the command was sent (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>1-based order in which the campaign started the experiment.</summary>
    public required int Sequence { get; init; }

    /// <summary>Where to run the experiment.</summary>
    public required ParameterPoint Parameters { get; init; }

    /// <summary>The steps, in order, with their instruments, time limits and retries.</summary>
    public required IReadOnlyList<StepPlan> Steps { get; init; }

    /// <summary>The analysis pipeline.</summary>
    public IReadOnlyList<Analysis.AnalysisStage> Analysis { get; init; } = [];

    /// <summary>Names of the objectives the analysis must produce.</summary>
    public IReadOnlyList<string> Objectives { get; init; } = [];

    /// <summary>Safety limits of the instruments; a step whose parameters break them is refused before it is sent.</summary>
    public IReadOnlyList<EnvelopeLimit> Envelope { get; init; } = [];

    /// <summary>Folder for the experiment's large data (absolute).</summary>
    public string DataDirectory { get; init; } = "";

    /// <summary>Sample id journaled before a restart, so a resumed experiment skips preparation; empty otherwise.</summary>
    public string? PreparedSampleId { get; init; }

    /// <summary>Measurement journaled before a restart, so a resumed experiment goes straight to analysis; null otherwise.</summary>
    public CompletedMeasurement? Measurement { get; init; }
}
