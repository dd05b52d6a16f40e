using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Approval;

/// <summary>One approval request of a campaign and what became of it.</summary>
public sealed record ApprovalBatch
{
    /// <summary>1-based: the n-th ApprovalRequested entry of the journal.</summary>
    public required int Number { get; init; }

    /// <summary>When the campaign asked (UTC).</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>The points waiting, in the order they would start.</summary>
    public required IReadOnlyList<ParameterPoint> Suggestions { get; init; }

    /// <summary>Where the batch stands.</summary>
    public ApprovalBatchState State { get; init; } = ApprovalBatchState.Waiting;

    /// <summary>The journaled decision, when <see cref="State"/> is Approved or Rejected.</summary>
    public ApproveSuggestions? Decision { get; init; }

    /// <summary>Journal sequence of the entry that ended the wait (decision, pause, end, restart), or null while waiting.</summary>
    public long? ClosedBySequence { get; init; }

    /// <summary>The journal kind that ended the wait, or null while waiting.</summary>
    public string? ClosedBy { get; init; }
}
