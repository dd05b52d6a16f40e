namespace AutoLab.Contracts.Instruments;

/// <summary>Event: an instrument finished preparing a sample.</summary>
public sealed record SamplePrepared
{
    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Experiment whose sample was prepared.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>Idempotency key of the <see cref="PrepareSample"/> this answers.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When preparation finished (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Instrument that prepared the sample.</summary>
    public required string Instrument { get; init; }

    /// <summary>Identifier of the physical sample or applied setting, passed on to the measure step.</summary>
    public string SampleId { get; init; } = "";

    /// <summary>Scalar readings taken during preparation (e.g. actual composition), by name.</summary>
    public IReadOnlyDictionary<string, double> Readings { get; init; } = new Dictionary<string, double>();
}
