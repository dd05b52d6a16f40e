namespace AutoLab.Orchestrator.Approval;

/// <summary>What <c>autolab approve</c> was asked to do.</summary>
public sealed record ApprovalRequest
{
    /// <summary>The batch named with <c>--batch N</c>; null with <c>--all</c> (whichever batch waits).</summary>
    public int? Batch { get; init; }

    /// <summary>False with <c>--reject</c>.</summary>
    public bool Approved { get; init; } = true;

    /// <summary><c>--reason TEXT</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>Who decides (the operating-system user).</summary>
    public required string User { get; init; }
}
