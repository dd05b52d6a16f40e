namespace AutoLab.Orchestrator.Approval;

/// <summary>Where one batch of suggestions stands, as the journal tells it.</summary>
public enum ApprovalBatchState
{
    /// <summary>The campaign waits for a decision on this batch now.</summary>
    Waiting,

    /// <summary>A human approved it; its points ran (or run when slots free up).</summary>
    Approved,

    /// <summary>A human rejected it; its points were discarded and the strategy asked again.</summary>
    Rejected,

    /// <summary>
    /// The campaign stopped waiting without a decision (a pause, halt, abort, the end or a restart); if its
    /// points still need a decision, a later batch asks for them again.
    /// </summary>
    Superseded,
}
