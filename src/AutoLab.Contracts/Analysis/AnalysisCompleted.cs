namespace AutoLab.Contracts.Analysis;

/// <summary>Event: the analysis pipeline produced objectives for one measurement.</summary>
public sealed record AnalysisCompleted
{
    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Experiment that was analysed.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>Idempotency key of the <see cref="AnalyzeMeasurement"/> this answers.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the analysis finished (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Objective values by name, in the objectives' units.</summary>
    public required IReadOnlyDictionary<string, double> Objectives { get; init; }

    /// <summary>One-standard-deviation uncertainty per objective, same units, where estimated.</summary>
    public IReadOnlyDictionary<string, double> Uncertainties { get; init; } = new Dictionary<string, double>();

    /// <summary>Extra scalar outputs of the models (e.g. class probabilities), for the journal and exports.</summary>
    public IReadOnlyDictionary<string, double> Diagnostics { get; init; } = new Dictionary<string, double>();

    /// <summary>Derived data written by the analysis, by reference.</summary>
    public IReadOnlyList<DataReference> Data { get; init; } = [];

    /// <summary>
    /// The process that ran the analysis, as "host/process-id" (e.g. "lab-pc-3/12345"); null when the producer
    /// did not say (journals written before this field existed, foreign services).
    /// </summary>
    /// <remarks>Optional on purpose: analysis workers are competing consumers, and this is how a journal shows which one did the work.</remarks>
    public string? Worker { get; init; }
}
