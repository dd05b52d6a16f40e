namespace AutoLab.Orchestrator.RunFolders;

/// <summary>The content of <c>summary.json</c>: a campaign at a glance, built from its journal.</summary>
/// <seealso cref="CampaignSummaryBuilder"/>
/// <seealso cref="CampaignSummaryWriter"/>
public sealed record CampaignSummary
{
    /// <summary>The campaign.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Campaign name from the plan.</summary>
    public required string Name { get; init; }

    /// <summary>Where it stands.</summary>
    public required CampaignStatus Status { get; init; }

    /// <summary>Why it ended, halted or paused; empty while running.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Experiments the plan allows in total.</summary>
    public required int Budget { get; init; }

    /// <summary>Experiments started so far (finished and in flight).</summary>
    public required int ExperimentsStarted { get; init; }

    /// <summary>Experiments that completed.</summary>
    public required int ExperimentsCompleted { get; init; }

    /// <summary>Experiments that faulted.</summary>
    public required int ExperimentsFaulted { get; init; }

    /// <summary>Experiments started and not finished (abandoned ones too, when the campaign was aborted).</summary>
    public required int ExperimentsInFlight { get; init; }

    /// <summary>Suggestion points received from the active-learning service, discarded ones included.</summary>
    public required int SuggestionsReceived { get; init; }

    /// <summary>The best completed experiment by the first objective; null before any completed with a value.</summary>
    public BestObservation? Best { get; init; }

    /// <summary>When the campaign started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended or halted (UTC); null while running or paused.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Seconds from start to end, or to the summary's time while not ended.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>Timestamp of the latest journal entry: on a run that shows Running, an old value suggests it crashed.</summary>
    public required DateTimeOffset LastActivityAt { get; init; }

    /// <summary>Entries in the journal.</summary>
    public required int JournalEntries { get; init; }

    /// <summary>
    /// Beam time the campaign's measurements used (virtual time in a dry run), beside <see cref="ElapsedSeconds"/>
    /// of host time. Added after the fields above; readers of older summaries find it missing.
    /// </summary>
    public CampaignSummaryBeamTime? BeamTime { get; init; }
}
