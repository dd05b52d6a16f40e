namespace AutoLab.Orchestrator.Journal;

/// <summary>Settings of <see cref="SqliteCampaignJournal"/>.</summary>
/// <seealso cref="SqliteJournalOptionsValidator"/>
public sealed class SqliteJournalOptions
{
    /// <summary>Largest batch default: big enough to absorb a burst, small enough to bound one transaction.</summary>
    public const int DefaultMaxBatchSize = 512;

    /// <summary>How hard each commit is flushed; <see cref="JournalDurability.ProcessCrashSafe"/> by default.</summary>
    public JournalDurability Durability { get; set; } = JournalDurability.ProcessCrashSafe;

    /// <summary>Most appends written in one transaction (group commit), 1 to 100,000.</summary>
    public int MaxBatchSize { get; set; } = DefaultMaxBatchSize;

    /// <summary>Whether opening a path with no file creates a new, empty journal (true), or fails (false, for resume).</summary>
    public bool CreateIfMissing { get; set; } = true;
}
