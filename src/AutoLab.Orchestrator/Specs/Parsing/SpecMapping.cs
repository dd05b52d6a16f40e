using YamlDotNet.RepresentationModel;

namespace AutoLab.Orchestrator.Specs.Parsing;

/// <summary>
/// A YAML mapping read against the keys it may have: unknown keys are reported (with a suggestion),
/// required keys are checked, and values are read through the <see cref="SpecReader"/>.
/// </summary>
internal sealed class SpecMapping
{
    private readonly SpecReader reader;
    private readonly YamlMappingNode node;
    private readonly Dictionary<string, YamlNode> values = new(StringComparer.Ordinal);

    public SpecMapping(SpecReader reader, YamlMappingNode node, string path, IReadOnlyList<string> keys)
    {
        this.reader = reader;
        this.node = node;
        Path = path;
        foreach ((YamlNode key, YamlNode value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                reader.Note(key.Start, path, $"keys must be text, found {YamlScalars.Describe(key)} {SpecPath.Describe(path)}");
                continue;
            }

            if (!keys.Contains(name, StringComparer.Ordinal))
            {
                reader.Fail(key, SpecPath.Key(path, name), $"unknown key '{name}' {SpecPath.Describe(path)}{NameSuggester.Hint(name, keys, "expected one of")}");
                continue;
            }

            values[name] = value;
            reader.Record(SpecPath.Key(path, name), value);
        }
    }

    public string Path { get; }

    public string PathOf(string key) => SpecPath.Key(Path, key);

    public bool Has(string key) => Optional(key) is not null;

    /// <summary>The value under <paramref name="key"/>, or null when absent or YAML null.</summary>
    public YamlNode? Optional(string key) =>
        values.TryGetValue(key, out YamlNode? value) && !YamlScalars.IsNull(value) ? value : null;

    /// <summary>The value under <paramref name="key"/>, reporting it when absent or empty.</summary>
    public YamlNode? Required(string key, string why = "")
    {
        YamlNode? value = Optional(key);
        if (value is null)
        {
            if (values.TryGetValue(key, out YamlNode? empty))
            {
                reader.Fail(empty, PathOf(key), $"'{key}' is required{why} but has no value");
            }
            else
            {
                reader.Fail(node, PathOf(key), $"missing required key '{key}' {SpecPath.Describe(Path)}{why}");
            }
        }

        return value;
    }

    public string? Text(string key, bool required = false) => Read(key, required, reader.Text);

    public double? Number(string key, bool required = false) => Read(key, required, reader.Number);

    public long? Integer(string key, bool required = false) => Read(key, required, reader.Integer);

    public int? Int32(string key, bool required = false) => Read(key, required, reader.Int32);

    public bool? Boolean(string key) => Read(key, false, reader.Boolean);

    public TimeSpan? Duration(string key, bool required = false) => Read(key, required, reader.Duration);

    public DateTimeOffset? Timestamp(string key) => Read(key, false, reader.Timestamp);

    public IReadOnlyDictionary<string, string> Options(string key) =>
        Optional(key) is { } value ? reader.Options(value, PathOf(key)) : new Dictionary<string, string>();

    /// <summary>One of a fixed set of words (e.g. minimize/maximize), reporting anything else with a suggestion.</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> words, bool required)
        where T : struct
    {
        string? text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (words.TryGetValue(text, out T value))
        {
            return value;
        }

        reader.Fail(values[key], PathOf(key), $"'{text}' is not a valid {key}{NameSuggester.Hint(text, words.Keys.ToList(), "expected one of")}");
        return null;
    }

    /// <remarks><typeparamref name="T"/> is the nullable result type itself (e.g. <c>double?</c>), so default is null.</remarks>
    private T Read<T>(string key, bool required, Func<YamlNode, string, T> read)
    {
        YamlNode? value = required ? Required(key) : Optional(key);
        return value is null ? default! : read(value, PathOf(key));
    }
}
