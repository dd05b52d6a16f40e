using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoLab.Orchestrator.RunFolders;

namespace AutoLab.Orchestrator.Demixing;

/// <summary>Writes a <see cref="DemixResult"/> as files: <c>components.csv</c>, <c>weights.csv</c> and <c>demix.json</c>.</summary>
/// <remarks>Each file is written to a temporary name and renamed, as the run folder's other exports are; docs/exports.md describes them.</remarks>
public static class DemixWriter
{
    /// <summary>Name of the folder inside the run folder.</summary>
    public const string FolderName = "demix";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the three files into <paramref name="directory"/> (created if missing).</summary>
    /// <param name="result">The demixing.</param>
    /// <param name="directory">The folder.</param>
    /// <param name="ct">Cancels the writing.</param>
    /// <returns>The folder written.</returns>
    public static async Task<string> WriteAsync(DemixResult result, string directory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, "components.csv"), Components(result), ct);
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, "weights.csv"), Weights(result), ct);
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, "demix.json"), Summary(result), ct);
        return directory;
    }

    /// <summary>One row per axis point: the axis value and every component's basis intensity.</summary>
    /// <param name="result">The demixing.</param>
    /// <returns>The CSV text.</returns>
    public static string Components(DemixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder();
        CsvText.AppendRecord(csv, ["axis", .. result.Components.Select(ComponentName)]);
        double[] axis = result.Library[0].Axis;
        for (int i = 0; i < axis.Length; i++)
        {
            CsvText.AppendRecord(csv, [CsvText.Number(axis[i]), .. result.Components.Select(c => CsvText.Number(c.Basis[i]))]);
        }

        return csv.ToString();
    }

    /// <summary>One row per sample: its sequence, its knobs and each component's share.</summary>
    /// <param name="result">The demixing.</param>
    /// <returns>The CSV text.</returns>
    public static string Weights(DemixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string[] knobs = [.. result.Library.SelectMany(p => p.Parameters.Values.Keys).Distinct(StringComparer.Ordinal)];
        var csv = new StringBuilder();
        CsvText.AppendRecord(csv, ["sequence", .. knobs, .. result.Components.Select(ComponentName)]);
        for (int r = 0; r < result.Library.Count; r++)
        {
            LibraryPattern pattern = result.Library[r];
            CsvText.AppendRecord(csv,
            [
                pattern.Sequence.ToString(CultureInfo.InvariantCulture),
                .. knobs.Select(k => pattern.Parameters.Values.TryGetValue(k, out double v) ? CsvText.Number(v) : ""),
                .. result.Weights[r].Select(CsvText.Number),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>The rank scores, the choice and the component labels, as JSON.</summary>
    /// <param name="result">The demixing.</param>
    /// <returns>The JSON text.</returns>
    public static string Summary(DemixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var summary = new
        {
            key = result.Key,
            samples = result.Library.Count,
            selectedRank = result.SelectedRank,
            relativeError = result.RelativeError,
            components = result.Components.Select(c => new { name = ComponentName(c), label = c.Label, correlation = c.Correlation }),
            ranks = result.Scores.Select(s => new { rank = s.Rank, stability = s.Stability, minimumSilhouette = s.MinimumClusterSilhouette, relativeError = s.RelativeError }),
        };
        return JsonSerializer.Serialize(summary, Indented) + "\n";
    }

    /// <summary>A component's column name: <c>component_K</c>, with its label when it has one (<c>component_2_fraction_ni3al</c>).</summary>
    /// <param name="component">The component.</param>
    /// <returns>The name.</returns>
    public static string ComponentName(DemixComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        string index = component.Index.ToString(CultureInfo.InvariantCulture);
        return component.Label is null ? $"component_{index}" : $"component_{index}_{component.Label}";
    }
}
