using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.RunFolders;

/// <summary>Reads a run folder's status from its journal, for <c>autolab status DIR</c>.</summary>
/// <remarks>
/// Reads through <see cref="SqliteJournalReader"/>, so it works on a live run (beside the orchestrator writing),
/// on a crashed one, and on a copy on read-only storage; it appends nothing and writes no export.
/// </remarks>
public static class CampaignStatusReader
{
    /// <summary>Reads the status of the campaign in <paramref name="runDirectory"/>.</summary>
    /// <param name="runDirectory">The run folder.</param>
    /// <param name="clock">Gives "now" for the elapsed time of a campaign that has not ended; the system clock when null.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The report.</returns>
    /// <exception cref="RunFolderException">Not a run folder.</exception>
    /// <exception cref="JournalException">The journal is not usable or holds no started campaign.</exception>
    public static async Task<CampaignStatusReport> ReadAsync(string runDirectory, TimeProvider? clock = null, CancellationToken ct = default)
    {
        RunFolder folder = RunFolder.OpenForReading(runDirectory);
        IReadOnlyList<JournalEntry> entries = await SqliteJournalReader.ReadListAsync(folder.JournalPath, ct);
        var state = CampaignJournalState.Build(entries, $"the journal '{folder.JournalPath}'");
        DateTimeOffset now = (clock ?? TimeProvider.System).GetUtcNow();
        CampaignReplayResult replay = CampaignReplay.FromState(state, now);
        return new CampaignStatusReport
        {
            RunDirectory = folder.Root,
            Summary = CampaignSummaryBuilder.FromState(state, now),
            CanResume = replay.CanResume,
            Message = replay.Message,
        };
    }
}
