using AutoLab.Analysis;
using AutoLab.Analysis.Pipeline;
using AutoLab.Contracts;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;

namespace AutoLab.Orchestrator.Demixing;

/// <summary>Reads a run folder's library: the measured pattern of every completed experiment, in sequence order.</summary>
/// <remarks>
/// The patterns are found through the journal (each <c>MeasurementCompleted</c>'s data reference with the key), not
/// by listing files, so a faulted experiment's leftovers are never included. A data file that is no longer at its
/// journaled absolute path (the run folder was moved) is looked for at the same place under the folder's current
/// <c>data/</c>.
/// </remarks>
public static class RunLibrary
{
    /// <summary>Loads the library of a run folder.</summary>
    /// <param name="folder">The run folder.</param>
    /// <param name="key">The data key of the patterns (the diffractometer's is "pattern").</param>
    /// <param name="ct">Cancels the reading.</param>
    /// <returns>Every completed experiment's pattern, by sequence.</returns>
    /// <exception cref="DemixException">No completed experiment has data with the key, a file is missing or unreadable, or the patterns do not share one axis; the message names the experiment and file.</exception>
    public static async Task<IReadOnlyList<LibraryPattern>> LoadAsync(RunFolder folder, string key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        IReadOnlyList<JournalEntry> entries = await SqliteJournalReader.ReadListAsync(folder.JournalPath, ct);
        CampaignJournalState state = CampaignJournalState.Build(entries, $"the journal '{folder.JournalPath}'");
        List<LibraryPattern> library = [];
        List<string> keysSeen = [];
        foreach (ExperimentRecord record in state.Experiments.Where(r => r.Completed is not null && r.Measured is not null).OrderBy(r => r.Sequence))
        {
            DataReference? reference = record.Measured!.Data.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));
            if (reference is null)
            {
                keysSeen.AddRange(record.Measured.Data.Select(d => d.Key));
                continue;
            }

            string path = Locate(folder, record.Sequence, reference);
            MeasuredArray array;
            try
            {
                array = DataFiles.ReadCsv(path, key);
            }
            catch (AnalysisException ex)
            {
                throw new DemixException($"experiment {record.Sequence}: {ex.Message}", ex);
            }

            IReadOnlyDictionary<string, double> outputs = record.Analyzed?.Objectives ?? record.Completed!.Observation.Objectives;
            library.Add(new LibraryPattern(record.Sequence, record.Parameters, path, array.Axis, array.Values, outputs));
        }

        if (library.Count == 0)
        {
            string seen = keysSeen.Count == 0 ? "no completed experiment has any data" : $"data keys found: {string.Join(", ", keysSeen.Distinct(StringComparer.OrdinalIgnoreCase))}";
            throw new DemixException($"{folder.Root}: no completed experiment has data '{key}' ({seen})");
        }

        CheckSameAxis(library);
        return library;
    }

    private static string Locate(RunFolder folder, int sequence, DataReference reference)
    {
        string journaled = DataReferencePath.Of(reference, folder.Root);
        if (File.Exists(journaled))
        {
            return journaled;
        }

        string moved = Path.Combine(folder.DataDirectory, sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), Path.GetFileName(journaled));
        return File.Exists(moved)
            ? moved
            : throw new DemixException($"experiment {sequence}: data '{reference.Key}' is missing: neither {journaled} nor {moved} exists");
    }

    // NMF factorises a matrix whose columns mean the same thing in every row: one scan range and step for all.
    private static void CheckSameAxis(List<LibraryPattern> library)
    {
        const double AxisTolerance = 1e-6;
        LibraryPattern first = library[0];
        foreach (LibraryPattern pattern in library.Skip(1))
        {
            bool same = pattern.Axis.Length == first.Axis.Length
                && pattern.Axis.Zip(first.Axis).All(p => Math.Abs(p.First - p.Second) <= AxisTolerance);
            if (!same)
            {
                throw new DemixException(
                    $"experiment {pattern.Sequence} ({pattern.Path}) was measured on another axis than experiment {first.Sequence}: " +
                    $"{pattern.Axis.Length} points from {pattern.Axis[0]} to {pattern.Axis[^1]} against {first.Axis.Length} from {first.Axis[0]} to {first.Axis[^1]}; demix one scan range at a time");
            }
        }
    }
}
