using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AutoLab.Orchestrator.Specs.Parsing;

/// <summary>
/// Reads typed values from YAML nodes at known paths, collecting errors instead of throwing and
/// recording every node's location in the <see cref="SpecSourceMap"/>.
/// </summary>
/// <remarks>Each reader returns null when the value is absent or wrong; the caller substitutes a
/// default and goes on, so one pass reports every problem in the file.</remarks>
internal sealed class SpecReader
{
    private readonly List<SpecError> errors = [];

    public SpecSourceMap Source { get; } = new();

    public IReadOnlyList<SpecError> Errors => errors;

    /// <summary>Reports a problem at <paramref name="mark"/> and marks <paramref name="path"/> broken.</summary>
    public void Fail(Mark mark, string path, string message)
    {
        errors.Add(new SpecError((int)mark.Line, (int)mark.Column, path, message));
        Source.MarkBroken(path);
    }

    public void Fail(YamlNode node, string path, string message) => Fail(node.Start, path, message);

    /// <summary>Reports a problem that leaves the fields around it readable (a bad key, an extra document).</summary>
    public void Note(Mark mark, string path, string message)
    {
        errors.Add(new SpecError((int)mark.Line, (int)mark.Column, path, message));
        Source.MarkParseError();
    }

    public void Record(string path, YamlNode node) =>
        Source.Record(path, new SpecLocation((int)node.Start.Line, (int)node.Start.Column));

    /// <summary>The node as a mapping with the given keys, or null (reported) when it is not a mapping.</summary>
    public SpecMapping? Mapping(YamlNode node, string path, IReadOnlyList<string> keys)
    {
        Record(path, node);
        if (node is YamlMappingNode mapping)
        {
            return new SpecMapping(this, mapping, path, keys);
        }

        Fail(node, path, $"expected a mapping of keys to values, found {YamlScalars.Describe(node)}");
        return null;
    }

    /// <summary>The items of a list, or null (reported) when the node is not a list.</summary>
    public IReadOnlyList<YamlNode>? Sequence(YamlNode node, string path)
    {
        Record(path, node);
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }

        Fail(node, path, $"expected a list, found {YamlScalars.Describe(node)}");
        return null;
    }

    public string? Text(YamlNode node, string path)
    {
        Record(path, node);
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }

        Fail(node, path, $"expected a single value (text), found {YamlScalars.Describe(node)}");
        return null;
    }

    public double? Number(YamlNode node, string path) =>
        Plain(node, path, "a number", (string text, out double value) => YamlScalars.TryNumber(text, out value));

    public long? Integer(YamlNode node, string path) =>
        Plain(node, path, "a whole number", (string text, out long value) => YamlScalars.TryInteger(text, out value));

    public int? Int32(YamlNode node, string path)
    {
        long? value = Integer(node, path);
        if (value is null or (>= int.MinValue and <= int.MaxValue))
        {
            return (int?)value;
        }

        Fail(node, path, $"{value} is too large; expected at most {int.MaxValue}");
        return null;
    }

    public bool? Boolean(YamlNode node, string path) =>
        Plain(node, path, "true or false", (string text, out bool value) => YamlScalars.TryBoolean(text, out value));

    public TimeSpan? Duration(YamlNode node, string path)
    {
        string? text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (YamlScalars.TryDuration(text.Trim(), out TimeSpan value))
        {
            return value;
        }

        Fail(node, path, $"expected a duration such as 250ms, 30s, 5m, 2h or a number of seconds, found '{text}'");
        return null;
    }

    public DateTimeOffset? Timestamp(YamlNode node, string path)
    {
        string? text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (YamlScalars.TryTimestamp(text.Trim(), out DateTimeOffset value, out string problem))
        {
            return value;
        }

        Fail(node, path, problem);
        return null;
    }

    /// <summary>A mapping of option names to values, all as text (the contracts carry options as strings).</summary>
    public IReadOnlyDictionary<string, string> Options(YamlNode node, string path)
    {
        Dictionary<string, string> options = new(StringComparer.Ordinal);
        Record(path, node);
        if (node is not YamlMappingNode mapping)
        {
            Fail(node, path, $"expected a mapping of option names to values, found {YamlScalars.Describe(node)}");
            return options;
        }

        foreach ((YamlNode key, YamlNode value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                Note(key.Start, path, $"option names must be text, found {YamlScalars.Describe(key)}");
                continue;
            }

            string optionPath = SpecPath.Key(path, name);
            Record(optionPath, value);
            if (value is YamlScalarNode scalar)
            {
                options[name] = YamlScalars.IsNull(scalar) ? "" : scalar.Value ?? "";
            }
            else
            {
                Fail(value, optionPath, $"option values must be single values (text, numbers, true/false), found {YamlScalars.Describe(value)}");
            }
        }

        return options;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private T? Plain<T>(YamlNode node, string path, string expected, TryParse<T> parse)
        where T : struct
    {
        Record(path, node);
        if (node is YamlScalarNode scalar && YamlScalars.IsPlain(scalar) && parse(scalar.Value ?? "", out T value))
        {
            return value;
        }

        string hint = node is YamlScalarNode s && !YamlScalars.IsPlain(s) && parse(s.Value ?? "", out _)
            ? " (remove the quotes)"
            : "";
        Fail(node, path, $"expected {expected}, found {YamlScalars.Describe(node)}{hint}");
        return null;
    }
}
