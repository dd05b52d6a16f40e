namespace AutoLab.Orchestrator.Journal;

/// <summary>How hard the SQLite journal flushes each commit to disk (SQLite's <c>PRAGMA synchronous</c>).</summary>
public enum JournalDurability
{
    /// <summary>
    /// <c>synchronous=NORMAL</c> in WAL mode: a commit survives the process being killed (kill -9, a crash),
    /// but a power loss or kernel panic may lose the last commits (the database itself stays consistent).
    /// The default: it needs no fsync per commit, which keeps the loop fast.
    /// </summary>
    ProcessCrashSafe,

    /// <summary>
    /// <c>synchronous=FULL</c>: each commit is fsynced before the append completes, so it survives power
    /// loss too. Costs one fsync per group-commit batch.
    /// </summary>
    PowerLossSafe,
}
