namespace AutoLab.Orchestrator.RunFolders;

/// <summary>Where a campaign stands, as its journal records it.</summary>
public enum CampaignStatus
{
    /// <summary>Started (or resumed) and not ended; also what a crashed run shows until it is resumed.</summary>
    Running,

    /// <summary>Paused with nothing in flight; waits for a resume.</summary>
    Paused,

    /// <summary>Ended: budget spent or a termination condition met.</summary>
    Completed,

    /// <summary>Ended gracefully and resumable (e.g. the beamtime window closed).</summary>
    Halted,

    /// <summary>Ended on request; experiments in flight were abandoned.</summary>
    Aborted,

    /// <summary>Ended by the fault policy or an unrecoverable error.</summary>
    Faulted,
}
