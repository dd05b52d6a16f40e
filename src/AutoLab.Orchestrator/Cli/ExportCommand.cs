using System.CommandLine;
using AutoLab.Orchestrator.Exports;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;

namespace AutoLab.Orchestrator.Cli;

/// <summary><c>autolab export DIR --format csv|bluesky [--out DIR]</c>: rebuild an export from the journal.</summary>
/// <remarks>Works on a live, halted or crashed run; formats are described in docs/exports.md.</remarks>
public static class ExportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "Run folder of the campaign." };
        var format = new Option<string>("--format")
        {
            Description = "csv (observations.csv) or bluesky (event-model documents, documents.jsonl).",
            Required = true,
        }.AcceptOnlyFromAmong("csv", "bluesky");
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder to write into (default: the run folder, bluesky/ for bluesky)." };
        var command = new Command("export", "Write observations.csv or Bluesky documents from a run folder's journal.") { directory, format, output };
        command.SetAction((parse, ct) => CliAction.RunAsync(async () =>
        {
            string written;
            try
            {
                RunFolder folder = RunFolder.OpenForReading(parse.GetRequiredValue(directory).FullName);
                string? outDirectory = parse.GetValue(output)?.FullName;
                written = parse.GetRequiredValue(format) == "csv"
                    ? await WriteCsvAsync(folder, outDirectory, ct)
                    : await BlueskyExporter.ExportAsync(folder, outDirectory, ct);
            }
            catch (Exception e) when (e is RunFolderException or JournalException)
            {
                throw new CliError(e.Message);
            }

            Console.WriteLine($"wrote {written}");
            return 0;
        }));
        return command;
    }

    static async Task<string> WriteCsvAsync(RunFolder folder, string? outDirectory, CancellationToken ct)
    {
        IReadOnlyList<JournalEntry> entries = await SqliteJournalReader.ReadListAsync(folder.JournalPath, ct);
        string directory = outDirectory ?? folder.Root;
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, RunFolder.ObservationsFileName);
        await ObservationsCsvWriter.WriteAsync(path, entries, ct);
        return path;
    }
}
