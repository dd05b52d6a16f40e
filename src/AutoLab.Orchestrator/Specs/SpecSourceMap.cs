namespace AutoLab.Orchestrator.Specs;

/// <summary>
/// Where each field of a parsed spec came from, and which fields the parser already found broken.
/// </summary>
/// <remarks>
/// Keeping locations beside the model (instead of inside every record) lets the model reuse the
/// contract records. The broken set stops the validator from piling a second, derived error on a
/// field the parser already reported (a missing bound is not also "lower not below upper").
/// </remarks>
public sealed class SpecSourceMap
{
    private readonly Dictionary<string, SpecLocation> locations = new(StringComparer.Ordinal);
    private readonly HashSet<string> broken = new(StringComparer.Ordinal);

    /// <summary>A map with no locations, for specs built in code.</summary>
    public static SpecSourceMap Empty { get; } = new();

    /// <summary>Whether the parser reported any error (the spec must not be compiled then).</summary>
    public bool HasParseErrors { get; private set; }

    /// <summary>The location of <paramref name="path"/>, or of its nearest recorded ancestor when the field is absent.</summary>
    /// <param name="path">Field path such as <c>space[1].bounds</c>.</param>
    public SpecLocation Locate(string path)
    {
        for (string? p = path; p is not null; p = SpecPath.Parent(p))
        {
            if (locations.TryGetValue(p, out SpecLocation location))
            {
                return location;
            }
        }

        return SpecLocation.Unknown;
    }

    /// <summary>Whether the parser reported <paramref name="path"/> or one of its ancestors as missing or malformed.</summary>
    /// <param name="path">Field path such as <c>space[1].bounds</c>.</param>
    public bool IsBroken(string path)
    {
        for (string? p = path; p is not null; p = SpecPath.Parent(p))
        {
            if (broken.Contains(p))
            {
                return true;
            }
        }

        return false;
    }

    internal void Record(string path, SpecLocation location) => locations.TryAdd(path, location);

    internal void MarkBroken(string path)
    {
        broken.Add(path);
        HasParseErrors = true;
    }

    internal void MarkParseError() => HasParseErrors = true;
}
