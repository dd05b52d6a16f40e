namespace AutoLab.Orchestrator.Journal;

/// <summary>An append waiting in the group-commit queue; its task completes once its batch committed.</summary>
internal sealed class PendingAppend(
    string kind,
    Guid campaignId,
    Guid? experimentId,
    string idempotencyKey,
    string timestamp,
    string payload)
{
    public string Kind { get; } = kind;

    public Guid CampaignId { get; } = campaignId;

    public Guid? ExperimentId { get; } = experimentId;

    public string IdempotencyKey { get; } = idempotencyKey;

    /// <summary>Round-trip ("O") text, formatted by the caller so the single writer does less.</summary>
    public string Timestamp { get; } = timestamp;

    /// <summary>JSON, serialized by the caller for the same reason.</summary>
    public string Payload { get; } = payload;

    /// <summary>Whether the row was inserted (false: a duplicate), valid once its transaction committed.</summary>
    public bool Appended { get; set; }

    // Continuations run asynchronously so callers never execute on (and stall) the writer.
    public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
