using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;

namespace AutoLab.Orchestrator.Exports;

/// <summary>
/// Writes a campaign as Bluesky event-model documents in JSON Lines: <c>bluesky/documents.jsonl</c>, one
/// <c>[name, document]</c> pair per line, the form the event-model / databroker "jsonl" serializers write
/// and read (suitcase-jsonl).
/// </summary>
/// <remarks>Like the other exports it is derived from the journal and replaced in one step. See docs/exports.md.</remarks>
/// <seealso cref="BlueskyDocumentBuilder"/>
public static class BlueskyExporter
{
    /// <summary>Name of the folder inside the run folder.</summary>
    public const string FolderName = "bluesky";

    /// <summary>Name of the documents file.</summary>
    public const string FileName = "documents.jsonl";

    static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Reads the run folder's journal and writes <c>bluesky/documents.jsonl</c> there (or into <paramref name="outDirectory"/>).</summary>
    /// <param name="folder">The run folder.</param>
    /// <param name="outDirectory">Where to write the file; the run folder's <c>bluesky/</c> when null.</param>
    /// <param name="ct">Cancels the work.</param>
    /// <returns>The path written.</returns>
    /// <exception cref="JournalException">The journal is not usable or holds no started campaign.</exception>
    public static async Task<string> ExportAsync(RunFolder folder, string? outDirectory = null, CancellationToken ct = default)
    {
        IReadOnlyList<JournalEntry> entries = await SqliteJournalReader.ReadListAsync(folder.JournalPath, ct);
        return await WriteAsync(CampaignJournalState.Build(entries, $"the journal '{folder.JournalPath}'"), outDirectory ?? Path.Combine(folder.Root, FolderName), folder.Root, ct);
    }

    internal static async Task<string> WriteAsync(CampaignJournalState state, string directory, string? runRoot, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        await AtomicFile.WriteAllTextAsync(path, Format(BlueskyDocumentBuilder.Build(state, runRoot)), ct);
        return path;
    }

    /// <summary>The JSON Lines text: one <c>[name, document]</c> array per line, LF line ends.</summary>
    public static string Format(IEnumerable<BlueskyDocument> documents)
    {
        var text = new StringBuilder();
        foreach (BlueskyDocument document in documents)
        {
            var pair = new JsonArray(document.Name, document.Body.DeepClone());
            text.Append(pair.ToJsonString(Compact)).Append('\n');
        }

        return text.ToString();
    }
}
