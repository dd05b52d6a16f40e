namespace AutoLab.Orchestrator.Approval;

/// <summary>What the orchestrator's approval poller writes to <c>approvals/poller.json</c> about once a second.</summary>
/// <remarks>
/// <c>autolab approve</c> reads it to tell a live campaign from a crashed or stopped one: a decision left for
/// a process that is not there would never be applied, so the command refuses instead of pretending.
/// </remarks>
public sealed record ApprovalHeartbeat
{
    /// <summary>Process id of the orchestrator.</summary>
    public required int ProcessId { get; init; }

    /// <summary>When the poller last looked (UTC).</summary>
    public required DateTimeOffset At { get; init; }
}
