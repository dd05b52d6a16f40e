using System.Text.Json.Nodes;
using AutoLab.Contracts;
using AutoLab.Contracts.Instruments;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;

namespace AutoLab.Orchestrator.Exports;

/// <summary>
/// The measured arrays of a campaign (XRD patterns, SAXS curves: the files a measurement references) as event-model
/// external data: one <c>resource</c> document per file and one <c>datum</c> per resource, a data key per instrument and
/// data key with <c>external: "FILESTORE:"</c>, and in each event the datum id with <c>filled: false</c>.
/// </summary>
/// <remarks>
/// A resource names its handler with <see cref="HandlerSpec"/>: a two-column CSV (axis, value) with a header row, as the
/// simulators write it. <c>root</c> is the run folder and <c>resource_path</c> the file's path inside it, so a moved run
/// folder needs only a new root; a file outside the run folder keeps its absolute path with root "/". The array's
/// length is read from each file (its data rows), and a data key's shape is the longest.
/// </remarks>
internal static class BlueskyExternalData
{
    /// <summary>The resource <c>spec</c>: which handler reads the file (docs/exports.md gives a Python one).</summary>
    public const string HandlerSpec = "AUTOLAB_CSV";

    /// <summary>Data keys for every (instrument, data key) any completed experiment referenced, with their longest length.</summary>
    public static IReadOnlyList<(string Key, string Instrument, string Data, int Points)> Keys(IEnumerable<ExperimentRecord> completed, string? runRoot)
    {
        var lengths = new SortedDictionary<string, (string Instrument, string Data, int Points)>(StringComparer.Ordinal);
        foreach (ExperimentRecord experiment in completed)
        {
            if (experiment.Measured is not { } measured)
            {
                continue;
            }

            foreach (DataReference reference in measured.Data)
            {
                string key = EventKey(measured.Instrument, reference.Key);
                int points = Points(DataReferencePath.Of(reference, runRoot));
                lengths[key] = lengths.TryGetValue(key, out var known) ? known with { Points = Math.Max(known.Points, points) } : (measured.Instrument, reference.Key, points);
            }
        }

        return [.. lengths.Select(p => (p.Key, p.Value.Instrument, p.Value.Data, p.Value.Points))];
    }

    /// <summary>The descriptor's entry for an external array.</summary>
    public static JsonObject DataKey(string instrument, string data, int points) => new()
    {
        ["dtype"] = "array",
        ["shape"] = new JsonArray(points),
        ["source"] = $"autolab:instrument/{instrument}/{data}",
        ["external"] = "FILESTORE:",
    };

    /// <summary>The resource and datum of each file one experiment's measurement references.</summary>
    public static IReadOnlyList<(string Key, JsonObject Resource, JsonObject Datum)> Files(ExperimentRecord experiment, Guid runUid, string? runRoot)
    {
        if (experiment.Measured is not MeasurementCompleted measured)
        {
            return [];
        }

        List<(string, JsonObject, JsonObject)> files = [];
        foreach (DataReference reference in measured.Data)
        {
            string path = DataReferencePath.Of(reference, runRoot);
            (string root, string relative) = Split(path, runRoot);
            Guid resourceUid = DeterministicUid.Create(runUid, $"resource/{experiment.ExperimentId:D}/{reference.Key}");
            var resource = new JsonObject
            {
                ["uid"] = resourceUid.ToString("D"),
                ["spec"] = HandlerSpec,
                ["root"] = root,
                ["resource_path"] = relative,
                ["resource_kwargs"] = new JsonObject { ["key"] = reference.Key, ["media_type"] = reference.MediaType },
                ["path_semantics"] = "posix",
                ["run_start"] = runUid.ToString("D"),
            };
            if (reference.Sha256 is { } sha)
            {
                resource["resource_kwargs"]!["sha256"] = sha;
            }

            var datum = new JsonObject
            {
                ["datum_id"] = $"{resourceUid:D}/0",
                ["resource"] = resourceUid.ToString("D"),
                ["datum_kwargs"] = new JsonObject(),
            };
            files.Add((EventKey(measured.Instrument, reference.Key), resource, datum));
        }

        return files;
    }

    /// <summary>An external array's event data key: <c>{instrument}_{data key}</c>, as readings are named.</summary>
    public static string EventKey(string instrument, string data) => $"{instrument}_{data}";

    private static (string Root, string Relative) Split(string path, string? runRoot)
    {
        if (runRoot is not null)
        {
            string relative = Path.GetRelativePath(runRoot, path);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return (Path.GetFullPath(runRoot), relative.Replace(Path.DirectorySeparatorChar, '/'));
            }
        }

        return ("/", path.TrimStart('/'));
    }

    // Data rows of a two-column CSV with a header; 0 when the file is gone (the datum still names it).
    private static int Points(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        return Math.Max(0, File.ReadLines(path).Count(line => line.Length > 0) - 1);
    }
}
