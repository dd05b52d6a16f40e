namespace AutoLab.Orchestrator.Journal;

/// <summary>
/// Journal payload: the campaign dropped the suggestions it had queued but not started, because a
/// human rejected the batch or the campaign was aborted.
/// </summary>
/// <remarks>
/// Replay removes <see cref="Count"/> points from the front of the unstarted-suggestion queue as it
/// stood at this entry (suggestions are consumed first in, first out).
/// </remarks>
/// <seealso cref="CampaignReplay"/>
public sealed record SuggestionsDiscarded
{
    /// <summary>The campaign.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Number of unstarted suggestions dropped (all those queued at the time).</summary>
    public required int Count { get; init; }

    /// <summary>Why, e.g. "rejected by alice" or "campaign aborted".</summary>
    public string Reason { get; init; } = "";

    /// <summary>When they were dropped (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
