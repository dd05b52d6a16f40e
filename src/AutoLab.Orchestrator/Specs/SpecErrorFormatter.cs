namespace AutoLab.Orchestrator.Specs;

/// <summary>Formats spec errors the way compilers do, so editors and CI logs can jump to them.</summary>
public static class SpecErrorFormatter
{
    /// <summary>
    /// One line: <c>examples/bad.yaml:12:5: space[1].bounds: lower bound 10 is not below upper bound 5</c>.
    /// The line and column are left out for errors without a place, the path for errors about the whole document.
    /// </summary>
    /// <param name="source">The file name (or any label) to start the line with.</param>
    /// <param name="error">The error.</param>
    /// <returns>The formatted line.</returns>
    public static string Format(string source, SpecError error)
    {
        string place = error.Line > 0 ? $"{source}:{error.Line}:{error.Column}" : source;
        return error.Path.Length > 0 ? $"{place}: {error.Path}: {error.Message}" : $"{place}: {error.Message}";
    }

    /// <summary>Every error of a load result, one formatted line each, in document order.</summary>
    /// <param name="result">The result of <see cref="CampaignSpecLoader.Load"/>.</param>
    /// <returns>The formatted lines; empty when the spec is valid.</returns>
    public static IReadOnlyList<string> FormatAll(SpecLoadResult result) =>
        [.. result.Errors.Select(e => Format(result.SourceName, e))];
}
