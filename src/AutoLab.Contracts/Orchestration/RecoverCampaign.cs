namespace AutoLab.Contracts.Orchestration;

/// <summary>
/// Command: bring a campaign back after the orchestrator stopped, from the state its journal records.
/// </summary>
/// <remarks>
/// The journal is the source of truth. The orchestrator replays it into this message; the campaign
/// saga then restarts the experiments that were in flight from their last journaled step.
/// </remarks>
public sealed record RecoverCampaign
{
    /// <summary>The campaign being recovered.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Unique per recovery.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the command was sent (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The campaign's plan as journaled when it started.</summary>
    public required CampaignPlan Plan { get; init; }

    /// <summary>Folder for the campaign's large data (absolute).</summary>
    public string DataDirectory { get; init; } = "";

    /// <summary>Finished experiments (faulted ones with <see cref="Observation.Succeeded"/> false), in sequence order.</summary>
    public IReadOnlyList<Observation> Observations { get; init; } = [];

    /// <summary>Experiments that were in flight, ready to restart from their last journaled step.</summary>
    public IReadOnlyList<StartExperiment> InFlight { get; init; } = [];

    /// <summary>Suggestions journaled but not yet started (for example, awaiting approval).</summary>
    public IReadOnlyList<ParameterPoint> UnstartedSuggestions { get; init; } = [];

    /// <summary>Number of suggestions the campaign has received so far (space-filling strategies continue from it).</summary>
    public int SuggestionCount { get; init; }

    /// <summary>Whether the campaign was paused or halted (it comes back paused and waits for a resume).</summary>
    public bool Paused { get; init; }
}
