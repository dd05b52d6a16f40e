namespace AutoLab.Contracts.Orchestration;

/// <summary>How a campaign ended.</summary>
public enum CampaignOutcome
{
    /// <summary>Budget spent or a termination condition met.</summary>
    Completed,

    /// <summary>Stopped gracefully (e.g. beamtime ended); can be resumed.</summary>
    Halted,

    /// <summary>Stopped on request; experiments in flight were abandoned.</summary>
    Aborted,

    /// <summary>Stopped by the fault policy or an unrecoverable error.</summary>
    Faulted,
}
