namespace AutoLab.Orchestrator.Journal;

/// <summary>One fact recorded in a campaign's append-only journal.</summary>
/// <remarks>
/// Entries are never updated or deleted. <see cref="Kind"/> names the fact (see <see cref="JournalKinds"/>)
/// and fixes the type of <see cref="Payload"/>; read it with <see cref="JournalEntryExtensions.ReadPayload{T}"/>.
/// </remarks>
/// <seealso cref="ICampaignJournal"/>
public sealed record JournalEntry
{
    /// <summary>Position in the journal: 1-based, strictly increasing in append order.</summary>
    public required long Sequence { get; init; }

    /// <summary>The campaign the fact belongs to (a journal holds one campaign).</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>The experiment the fact belongs to, or null for campaign-level facts.</summary>
    public Guid? ExperimentId { get; init; }

    /// <summary>What kind of fact this is; one of <see cref="JournalKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Key that is the same for every re-delivery of the message carrying the fact; unique per kind.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the fact happened (UTC, as stated by the message that carried it).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The fact's contract record as JSON, written with <see cref="JournalSerializer.Options"/>.</summary>
    public required string Payload { get; init; }
}
