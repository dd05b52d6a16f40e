namespace AutoLab.Orchestrator.Approval;

/// <summary>
/// A human's decision on one batch of suggestions, as <c>autolab approve</c> leaves it in the run folder's
/// <c>approvals/pending/</c> for the running orchestrator to pick up.
/// </summary>
/// <remarks>
/// The file is the cross-process channel: the CLI and the orchestrator share the run folder, not a bus (the
/// default bus is in memory). The orchestrator turns the file into an
/// <see cref="AutoLab.Contracts.Orchestration.ApproveSuggestions"/> on its own bus, and the campaign saga
/// journals it; the journal, not the file, is the record that survives.
/// </remarks>
/// <seealso cref="ApprovalInbox"/>
/// <seealso cref="ApprovalPoller"/>
public sealed record ApprovalDecision
{
    /// <summary>Unique per decision; part of the idempotency key, so a decision acts at most once.</summary>
    public required Guid DecisionId { get; init; }

    /// <summary>The campaign the decision is for (a run folder holds one).</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>The batch decided on: 1 for the first approval request in the journal, 2 for the next, ...</summary>
    public required int Batch { get; init; }

    /// <summary>True to run the batch; false to discard it and ask the strategy again.</summary>
    public required bool Approved { get; init; }

    /// <summary>Why (optional; journaled with the decision).</summary>
    public string? Reason { get; init; }

    /// <summary>Who decided: the operating-system user who ran <c>autolab approve</c>.</summary>
    public required string DecidedBy { get; init; }

    /// <summary>When the decision was made (UTC).</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>Idempotency key of the <see cref="AutoLab.Contracts.Orchestration.ApproveSuggestions"/> this decision becomes.</summary>
    public string IdempotencyKey => $"{CampaignId:N}/approval/batch-{Batch}/{DecisionId:N}";

    /// <summary>Who decided and why, as one string for the contract's <c>ApprovedBy</c> (which has no reason field).</summary>
    public string DecidedByWithReason => string.IsNullOrWhiteSpace(Reason) ? DecidedBy : $"{DecidedBy} ({Reason.Trim()})";
}
