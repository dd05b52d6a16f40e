using System.Globalization;
using AutoLab.Contracts;

namespace AutoLab.Analysis.Pipeline;

/// <summary>Finds and reads the data files a measurement refers to (<see cref="DataReference"/>).</summary>
/// <remarks>
/// <para>A reference's URI is an absolute file URI (what the instrument host writes), an absolute path, or a path
/// relative to the run folder. The command carries the experiment's data folder (<c>RUN/data/NNNNNN</c>), not the run
/// folder, so a relative path is looked for under that folder and then under its two parents, the run folder
/// last; the first that exists wins, and the error lists every place tried.</para>
/// <para>Arrays are the CSV the instrument host writes (<c>{step}-{key}.csv</c>): a header "axis,key" and one
/// "axis,value" row per point, numbers in the invariant culture.</para>
/// </remarks>
public static class DataFiles
{
    /// <summary>The absolute path of the measurement's data with a key.</summary>
    /// <param name="input">The stage's input.</param>
    /// <param name="key">The data key, e.g. "pattern"; matched case-insensitively.</param>
    /// <returns>The path of an existing file.</returns>
    /// <exception cref="AnalysisException">No data has that key, the URI is not a file, or the file does not exist.</exception>
    public static string Resolve(AnalysisInput input, string key)
    {
        DataReference reference = input.Data.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new AnalysisException(
                $"the measurement has no data '{key}'; data keys: {(input.Data.Count == 0 ? "(none)" : string.Join(", ", input.Data.Select(d => d.Key)))}");
        string uri = reference.Uri;
        List<string> candidates = [];
        if (System.Uri.TryCreate(uri, UriKind.Absolute, out Uri? absolute) && absolute.Scheme.Length > 1)
        {
            if (!absolute.IsFile)
            {
                throw new AnalysisException($"data '{key}' is at {uri}; only files (file:// or a path) can be read");
            }

            candidates.Add(absolute.LocalPath);
        }
        else if (Path.IsPathRooted(uri))
        {
            candidates.Add(uri);
        }
        else
        {
            string? folder = string.IsNullOrWhiteSpace(input.DataDirectory) ? Directory.GetCurrentDirectory() : input.DataDirectory;
            for (int level = 0; level < 3 && folder is not null; level++)
            {
                candidates.Add(Path.GetFullPath(Path.Combine(folder, uri)));
                folder = Path.GetDirectoryName(folder);
            }
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new AnalysisException($"data '{key}' file {uri} does not exist (looked at {string.Join(", ", candidates)})");
    }

    /// <summary>Reads the measurement's array with a key.</summary>
    /// <param name="input">The stage's input.</param>
    /// <param name="key">The data key.</param>
    /// <returns>The array.</returns>
    /// <exception cref="AnalysisException">As <see cref="Resolve"/> and <see cref="ReadCsv"/>.</exception>
    public static MeasuredArray ReadArray(AnalysisInput input, string key) => ReadCsv(Resolve(input, key), key);

    /// <summary>Reads a two-column array CSV.</summary>
    /// <param name="path">The file.</param>
    /// <param name="key">The data key, for the result.</param>
    /// <returns>The array; values are not checked beyond being numbers (NaN included), so a stage can name a bad index.</returns>
    /// <exception cref="AnalysisException">The file cannot be read, has no header, or a row is not two numbers; the message names the file and the line.</exception>
    public static MeasuredArray ReadCsv(string path, string key)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AnalysisException($"{path}: cannot be read: {ex.Message}", ex);
        }

        if (lines.Length == 0 || lines[0].Split(',').Length < 2)
        {
            throw new AnalysisException($"{path}: expected a header line 'axis,{key}' and one 'axis,value' row per point");
        }

        string axisName = lines[0].Split(',')[0].Trim().Trim('"');
        List<double> axis = new(lines.Length);
        List<double> values = new(lines.Length);
        for (int line = 1; line < lines.Length; line++)
        {
            if (string.IsNullOrWhiteSpace(lines[line]))
            {
                continue;
            }

            string[] fields = lines[line].Split(',');
            if (fields.Length != 2
                || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double y))
            {
                throw new AnalysisException($"{path}: line {line + 1} (point {axis.Count}) is '{lines[line]}', not two numbers 'axis,value'");
            }

            axis.Add(x);
            values.Add(y);
        }

        return new MeasuredArray(path, axisName.Length == 0 ? "axis" : axisName, key, [.. axis], [.. values]);
    }
}
