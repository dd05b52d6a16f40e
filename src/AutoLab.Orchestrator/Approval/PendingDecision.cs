namespace AutoLab.Orchestrator.Approval;

/// <summary>A decision file waiting in <c>approvals/pending/</c>, with where it lies.</summary>
/// <param name="Path">The file.</param>
/// <param name="Decision">What it says.</param>
public sealed record PendingDecision(string Path, ApprovalDecision Decision);
