namespace AutoLab.Orchestrator.Journal;

/// <summary>A campaign's append-only journal: every fact is recorded here before the message carrying it is acknowledged.</summary>
/// <remarks>
/// Appends are idempotent per (kind, idempotency key), so a re-delivered message records nothing twice.
/// After a crash, <see cref="CampaignReplay"/> rebuilds the campaign from <see cref="ReadAllAsync"/>.
/// </remarks>
/// <seealso cref="SqliteCampaignJournal"/>
/// <seealso cref="CampaignJournalExtensions"/>
public interface ICampaignJournal : IAsyncDisposable
{
    /// <summary>Records one fact durably.</summary>
    /// <param name="kind">One of <see cref="JournalKinds"/>.</param>
    /// <param name="campaignId">The campaign; a journal holds one campaign.</param>
    /// <param name="experimentId">The experiment, or null for campaign-level facts.</param>
    /// <param name="idempotencyKey">Same for every re-delivery of the fact; unique per kind.</param>
    /// <param name="timestamp">When the fact happened (UTC).</param>
    /// <param name="payload">The contract record of type <see cref="JournalKinds.PayloadTypeOf"/>(<paramref name="kind"/>).</param>
    /// <param name="ct">Stops waiting; the fact may still be recorded, and a re-delivery will find it.</param>
    /// <returns>
    /// True when the fact was appended; false when an entry with the same kind and key already exists
    /// (a re-delivery), in which case nothing was written. Either way the fact is durable when the task completes.
    /// </returns>
    /// <exception cref="ArgumentException">The kind is unknown, the payload has the wrong type, the key is empty, or the campaign is not this journal's.</exception>
    ValueTask<bool> AppendAsync(
        string kind,
        Guid campaignId,
        Guid? experimentId,
        string idempotencyKey,
        DateTimeOffset timestamp,
        object payload,
        CancellationToken ct);

    /// <summary>Reads every committed entry in sequence order.</summary>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The entries, oldest first.</returns>
    IAsyncEnumerable<JournalEntry> ReadAllAsync(CancellationToken ct);
}
