namespace AutoLab.Contracts.Instruments;

/// <summary>Command to an instrument: make the sample (or apply the settings) for one experiment.</summary>
public sealed record PrepareSample
{
    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Experiment being prepared.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>Same for every re-delivery and retry of this step; the adapter runs a key at most once successfully.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the command was sent (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Name of the instrument addressed.</summary>
    public required string Instrument { get; init; }

    /// <summary>1-based attempt number of this step.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Composition, settings or other parameters to prepare at.</summary>
    public required ParameterPoint Parameters { get; init; }

    /// <summary>Instrument options from the campaign spec.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Folder (absolute, on storage the adapter shares) where the instrument may write large data.</summary>
    public string DataDirectory { get; init; } = "";
}
