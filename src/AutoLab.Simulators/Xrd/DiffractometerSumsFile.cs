using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoLab.Simulators.Xrd;

/// <summary>Reads and writes one sample's sums file (<see cref="DiffractometerSumsLocation"/> says where).</summary>
/// <remarks>
/// A write goes to <c>&lt;file&gt;.&lt;random&gt;.tmp</c> in the same folder, is flushed to disk, and is renamed over
/// the file; a rename within a folder is atomic, so a crash leaves either the old sums or the new ones, never half a
/// file. A crash between the two steps leaves a temporary file, which is never read (its name is never the file's)
/// and is harmless. Doubles are written in their shortest round-trip form, so a reload gives the same bits.
/// </remarks>
internal static class DiffractometerSumsFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Counts of a caller's own scans may be anything; a non-finite one must still survive a reload.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // The scan ids' members, like the document's, in the snake case of the run folder's other files.
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Writes <paramref name="sums"/> to its <see cref="DiffractometerSampleSums.StateFile"/> atomically.</summary>
    /// <exception cref="IOException">The folder or file cannot be written.</exception>
    public static void Write(DiffractometerSampleSums sums)
    {
        string path = sums.StateFile ?? throw new InvalidOperationException($"sample '{sums.Key}' has no sums file");
        var document = new DiffractometerSumsDocument
        {
            Format = DiffractometerSumsDocument.CurrentFormat,
            Key = sums.Key,
            GridStart = sums.Grid.Start,
            GridStop = sums.Grid.Stop,
            GridStep = sums.Grid.Step,
            GridCountTime = sums.Grid.CountTime,
            GridPoints = sums.Grid.Points,
            Scans = sums.Scans,
            Seconds = sums.Seconds,
            Added = [.. sums.Added],
            Counts = sums.Counts,
            Exposure = sums.Exposure,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, document, Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Reads the sums of sample <paramref name="key"/> from <paramref name="path"/>, or null when there is no file.</summary>
    /// <exception cref="InvalidDataException">The file is not a complete sums file of that sample; the message names the file.</exception>
    public static DiffractometerSampleSums? Read(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        DiffractometerSumsDocument? document;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            document = JsonSerializer.Deserialize<DiffractometerSumsDocument>(stream, Json);
        }
        catch (JsonException ex)
        {
            throw Corrupt(path, $"it is not valid JSON ({ex.Message})", ex);
        }

        string? problem = Problem(document, key);
        if (problem is not null)
        {
            throw Corrupt(path, problem, null);
        }

        ScanRange grid;
        try
        {
            grid = new ScanRange(document!.GridStart, document.GridStop, document.GridStep, document.GridCountTime);
        }
        catch (ArgumentException ex)
        {
            throw Corrupt(path, $"its grid is invalid ({ex.Message})", ex);
        }

        return grid.Points != document.GridPoints
            ? throw Corrupt(path, $"its grid has {grid.Points} points, not the {document.GridPoints} it states", null)
            : new DiffractometerSampleSums(key, grid, path, document.Counts!, document.Exposure!, document.Scans, document.Seconds, document.Added!);
    }

    private static string? Problem(DiffractometerSumsDocument? document, string key)
    {
        if (document is null)
        {
            return "it holds null";
        }

        if (document.Format != DiffractometerSumsDocument.CurrentFormat)
        {
            return $"its format is '{document.Format}', not '{DiffractometerSumsDocument.CurrentFormat}'";
        }

        if (document.Key != key)
        {
            return $"it holds the sums of sample '{document.Key}', not '{key}'";
        }

        if (document.Counts is null || document.Exposure is null || document.Added is null)
        {
            return "counts, exposure or the list of added scans is missing";
        }

        if (document.Counts.Length != document.GridPoints || document.Exposure.Length != document.GridPoints)
        {
            return $"it has {document.Counts.Length} counts and {document.Exposure.Length} exposures for {document.GridPoints} grid points";
        }

        return document.Scans < 0 || document.Added.Count > document.Scans || document.Added.Any(a => a is null || string.IsNullOrEmpty(a.IdempotencyKey))
            ? $"its {document.Scans} scans and {document.Added.Count} added scan ids do not agree, or an id is empty"
            : null;
    }

    private static InvalidDataException Corrupt(string path, string problem, Exception? inner) =>
        new($"the diffractometer's scan sums file '{path}' is corrupt or incomplete: {problem}. It is written atomically, so it was changed by something else; restore it, or move it aside to start that sample's sums from zero", inner);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The write already failed; that failure is the one to report.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
