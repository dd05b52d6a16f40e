namespace AutoLab.Contracts.Instruments;

/// <summary>Command to an instrument: measure one experiment's sample.</summary>
public sealed record MeasureSample
{
    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Experiment being measured.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>Same for every re-delivery and retry of this step; the adapter runs a key at most once successfully.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the command was sent (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Name of the instrument addressed.</summary>
    public required string Instrument { get; init; }

    /// <summary>1-based attempt number of this step.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The experiment's parameters (measurement settings are among them).</summary>
    public required ParameterPoint Parameters { get; init; }

    /// <summary>Sample produced by the prepare step, or empty when the campaign has none.</summary>
    public string SampleId { get; init; } = "";

    /// <summary>Instrument options from the campaign spec.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Folder (absolute, on storage the adapter shares) where the instrument writes large data.</summary>
    public string DataDirectory { get; init; } = "";
}
