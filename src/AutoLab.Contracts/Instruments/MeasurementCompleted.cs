namespace AutoLab.Contracts.Instruments;

/// <summary>Event: an instrument finished a measurement.</summary>
public sealed record MeasurementCompleted
{
    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Experiment that was measured.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>Idempotency key of the <see cref="MeasureSample"/> this answers.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the measurement finished (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Instrument that measured.</summary>
    public required string Instrument { get; init; }

    /// <summary>Scalar readings by name, in the instrument's units.</summary>
    public IReadOnlyDictionary<string, double> Readings { get; init; } = new Dictionary<string, double>();

    /// <summary>Large data (patterns, frames) by reference.</summary>
    public IReadOnlyList<DataReference> Data { get; init; } = [];

    /// <summary>Time the instrument spent measuring, in seconds (virtual seconds for simulated instruments).</summary>
    public double DurationSeconds { get; init; }
}
