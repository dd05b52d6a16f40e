using AutoLab.Contracts.Orchestration;
using YamlDotNet.RepresentationModel;

namespace AutoLab.Orchestrator.Specs.Parsing;

/// <summary>Reads <c>space</c>: a list of parameters, each continuous, integer or categorical.</summary>
internal static class SpaceSection
{
    private static readonly string[] Keys = ["name", "type", "bounds", "choices", "unit"];

    private static readonly Dictionary<string, ParameterKind> Kinds = new(StringComparer.Ordinal)
    {
        ["continuous"] = ParameterKind.Continuous,
        ["integer"] = ParameterKind.Integer,
        ["categorical"] = ParameterKind.Categorical,
    };

    public static IReadOnlyList<ParameterDefinition> Read(SpecReader reader, YamlNode node, string path)
    {
        List<ParameterDefinition> parameters = [];
        IReadOnlyList<YamlNode> items = reader.Sequence(node, path) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            // A placeholder keeps list indices equal to YAML indices, so later paths stay right.
            SpecMapping? m = reader.Mapping(items[i], SpecPath.Index(path, i), Keys);
            parameters.Add(m is null ? new ParameterDefinition { Name = "", Kind = ParameterKind.Continuous } : ReadParameter(reader, m));
        }

        return parameters;
    }

    private static ParameterDefinition ReadParameter(SpecReader reader, SpecMapping m)
    {
        string name = m.Text("name", required: true) ?? "";
        ParameterKind? kind = m.Choice("type", Kinds, required: true);
        ParameterDefinition parameter = new()
        {
            Name = name,
            Kind = kind ?? ParameterKind.Continuous,
            Unit = m.Text("unit") ?? "",
        };

        if (kind == ParameterKind.Categorical)
        {
            if (m.Optional("bounds") is { } bounds)
            {
                reader.Fail(bounds, m.PathOf("bounds"), "a categorical parameter takes 'choices', not 'bounds'");
            }

            return parameter with { Choices = m.Required("choices", " for a categorical parameter") is { } c ? ReadChoices(reader, c, m.PathOf("choices")) : [] };
        }

        if (kind is not null && m.Optional("choices") is { } choices)
        {
            reader.Fail(choices, m.PathOf("choices"), $"{WithArticle(kind.Value)} parameter takes 'bounds', not 'choices'; use type: categorical for a list of named choices");
        }

        // With the type unknown (already reported), still type-check whatever was written.
        YamlNode? boundsNode = kind is null ? m.Optional("bounds") : m.Required("bounds", $" for {WithArticle(kind.Value)} parameter");
        if (kind is null && m.Optional("choices") is { } untyped)
        {
            ReadChoices(reader, untyped, m.PathOf("choices"));
        }

        return boundsNode is not null && ReadBounds(reader, boundsNode, m.PathOf("bounds")) is var (lower, upper)
            ? parameter with { Lower = lower, Upper = upper }
            : parameter;
    }

    private static (double Lower, double Upper)? ReadBounds(SpecReader reader, YamlNode node, string path)
    {
        IReadOnlyList<YamlNode>? items = reader.Sequence(node, path);
        if (items is null)
        {
            return null;
        }

        if (items.Count != 2)
        {
            reader.Fail(node, path, $"expected two numbers [lower, upper], found {items.Count} value{(items.Count == 1 ? "" : "s")}");
            return null;
        }

        double? lower = reader.Number(items[0], SpecPath.Index(path, 0));
        double? upper = reader.Number(items[1], SpecPath.Index(path, 1));
        if (lower is null || upper is null)
        {
            reader.Source.MarkBroken(path);
            return null;
        }

        return (lower.Value, upper.Value);
    }

    private static List<string> ReadChoices(SpecReader reader, YamlNode node, string path)
    {
        IReadOnlyList<YamlNode> items = reader.Sequence(node, path) ?? [];
        List<string> choices = [];
        for (int i = 0; i < items.Count; i++)
        {
            choices.Add(reader.Text(items[i], SpecPath.Index(path, i)) ?? "");
        }

        return choices;
    }

    private static string WithArticle(ParameterKind kind) => kind == ParameterKind.Integer ? "an integer" : $"a {kind.ToString().ToLowerInvariant()}";
}
