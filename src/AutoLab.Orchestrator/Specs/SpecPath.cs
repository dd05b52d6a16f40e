namespace AutoLab.Orchestrator.Specs;

/// <summary>Builds and walks field paths such as <c>space[1].bounds</c>.</summary>
/// <remarks>The parser and the validator both name fields through these helpers, so that a path
/// recorded while parsing is found again when a rule reports on it.</remarks>
internal static class SpecPath
{
    public static string Key(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The enclosing path, or null for the root.</summary>
    public static string? Parent(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }

    /// <summary>Words for "where" in a message: "at the top level" or "in steps.measure".</summary>
    public static string Describe(string path) => path.Length == 0 ? "at the top level" : $"in {path}";
}
