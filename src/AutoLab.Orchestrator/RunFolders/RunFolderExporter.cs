using AutoLab.Orchestrator.Journal;

namespace AutoLab.Orchestrator.RunFolders;

/// <summary>Rebuilds a run folder's exports (<c>observations.csv</c>, <c>summary.json</c>, <c>bluesky/documents.jsonl</c>) from its journal.</summary>
/// <remarks>
/// Exports are derived: the journal is the source of truth, so they can be rewritten at any time (at the end of a
/// campaign, on pause, or by a command on a crashed run) and always agree with it.
/// </remarks>
public static class RunFolderExporter
{
    /// <summary>Reads the journal once and writes the exports, each replaced in one step.</summary>
    /// <param name="folder">The run folder.</param>
    /// <param name="clock">Gives the summary's time.</param>
    /// <param name="ct">Cancels the work.</param>
    /// <returns>The summary written.</returns>
    /// <exception cref="JournalException">The journal is not usable or holds no started campaign.</exception>
    public static async Task<CampaignSummary> ExportAsync(RunFolder folder, TimeProvider clock, CancellationToken ct = default)
    {
        IReadOnlyList<JournalEntry> entries = await SqliteJournalReader.ReadListAsync(folder.JournalPath, ct);
        var state = CampaignJournalState.Build(entries, $"the journal '{folder.JournalPath}'");
        CampaignSummary summary = CampaignSummaryBuilder.FromState(state, clock.GetUtcNow());
        await AtomicFile.WriteAllTextAsync(folder.ObservationsPath, ObservationsCsvWriter.Format(state), ct);
        await CampaignSummaryWriter.WriteAsync(folder.SummaryPath, summary, ct);
        await Exports.BlueskyExporter.WriteAsync(state, Path.Combine(folder.Root, Exports.BlueskyExporter.FolderName), folder.Root, ct);
        return summary;
    }
}
