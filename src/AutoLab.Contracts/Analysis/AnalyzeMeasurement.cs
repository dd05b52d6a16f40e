namespace AutoLab.Contracts.Analysis;

/// <summary>Command: run the campaign's analysis pipeline on one measurement.</summary>
public sealed record AnalyzeMeasurement
{
    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Experiment whose measurement is analysed.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>Key that is the same for every re-delivery and retry of this step, so it is not done twice.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the command was sent (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>1-based attempt number of this step.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Where the experiment was run.</summary>
    public required ParameterPoint Parameters { get; init; }

    /// <summary>Scalar readings of the measurement by name, in the instrument's units.</summary>
    public IReadOnlyDictionary<string, double> Readings { get; init; } = new Dictionary<string, double>();

    /// <summary>Large measurement data by reference.</summary>
    public IReadOnlyList<DataReference> Data { get; init; } = [];

    /// <summary>The pipeline to apply, in order.</summary>
    public IReadOnlyList<AnalysisStage> Pipeline { get; init; } = [];

    /// <summary>Names of the objectives the result must contain.</summary>
    public IReadOnlyList<string> Objectives { get; init; } = [];

    /// <summary>Folder (absolute, on storage the analysis worker shares) where it may write derived data.</summary>
    public string DataDirectory { get; init; } = "";
}
