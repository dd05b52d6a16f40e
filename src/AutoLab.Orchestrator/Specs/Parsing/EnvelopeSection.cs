using AutoLab.Contracts.Orchestration;
using YamlDotNet.RepresentationModel;

namespace AutoLab.Orchestrator.Specs.Parsing;

/// <summary>Reads <c>envelope</c>: per instrument, per numeric parameter, <c>[min, max]</c>; also a declared instrument's own <c>envelope</c>.</summary>
internal static class EnvelopeSection
{
    public static IReadOnlyList<EnvelopeLimit> Read(SpecReader reader, YamlNode node, string path)
    {
        List<EnvelopeLimit> limits = [];
        // Instrument names are located at the key (a wrong name is the key's fault), limits at their [min, max].
        foreach ((string instrument, YamlNode parameters, string instrumentPath) in Entries(reader, node, path, "instrument names to their limits", atKey: true))
        {
            limits.AddRange(ReadLimits(reader, parameters, instrumentPath, instrument));
        }

        return limits;
    }

    /// <summary>One instrument's limits: parameter names to <c>[min, max]</c>, each located at its range.</summary>
    public static IReadOnlyList<EnvelopeLimit> ReadLimits(SpecReader reader, YamlNode node, string path, string instrument)
    {
        List<EnvelopeLimit> limits = [];
        foreach ((string parameter, YamlNode range, string limitPath) in Entries(reader, node, path, "parameter names to [min, max]", atKey: false))
        {
            if (ReadRange(reader, range, limitPath) is var (minimum, maximum))
            {
                limits.Add(new EnvelopeLimit { Instrument = instrument, Parameter = parameter, Minimum = minimum, Maximum = maximum });
            }
        }

        return limits;
    }

    private static IEnumerable<(string Name, YamlNode Value, string Path)> Entries(SpecReader reader, YamlNode node, string path, string what, bool atKey)
    {
        reader.Record(path, node);
        if (node is not YamlMappingNode mapping)
        {
            reader.Fail(node, path, $"expected a mapping of {what}, found {YamlScalars.Describe(node)}");
            yield break;
        }

        foreach ((YamlNode key, YamlNode value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                string childPath = SpecPath.Key(path, name);
                reader.Record(childPath, atKey ? key : value);
                yield return (name, value, childPath);
            }
            else
            {
                reader.Note(key.Start, path, $"names must be text, found {YamlScalars.Describe(key)}");
            }
        }
    }

    /// <summary>[min, max]; <c>-.inf</c> or <c>.inf</c> leave a side open.</summary>
    private static (double Minimum, double Maximum)? ReadRange(SpecReader reader, YamlNode node, string path)
    {
        IReadOnlyList<YamlNode>? items = reader.Sequence(node, path);
        if (items is null)
        {
            return null;
        }

        if (items.Count != 2)
        {
            reader.Fail(node, path, $"expected two numbers [min, max], found {items.Count} value{(items.Count == 1 ? "" : "s")}");
            return null;
        }

        double? minimum = reader.Number(items[0], SpecPath.Index(path, 0));
        double? maximum = reader.Number(items[1], SpecPath.Index(path, 1));
        return minimum is null || maximum is null ? null : (minimum.Value, maximum.Value);
    }
}
