using AutoLab.Contracts.Orchestration;
using YamlDotNet.RepresentationModel;

namespace AutoLab.Orchestrator.Specs.Parsing;

/// <summary>Reads <c>constraints</c>: linear inequalities Σ coefficient·parameter ≤ upper.</summary>
internal static class ConstraintSection
{
    private static readonly string[] Keys = ["label", "coefficients", "upper"];

    public static IReadOnlyList<LinearConstraint> Read(SpecReader reader, YamlNode node, string path)
    {
        List<LinearConstraint> constraints = [];
        IReadOnlyList<YamlNode> items = reader.Sequence(node, path) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            SpecMapping? m = reader.Mapping(items[i], SpecPath.Index(path, i), Keys);
            constraints.Add(new LinearConstraint
            {
                Label = m?.Text("label") ?? "",
                Coefficients = m?.Required("coefficients") is { } c ? ReadCoefficients(reader, c, m.PathOf("coefficients")) : new Dictionary<string, double>(),
                UpperBound = m?.Number("upper", required: true) ?? 0,
            });
        }

        return constraints;
    }

    private static Dictionary<string, double> ReadCoefficients(SpecReader reader, YamlNode node, string path)
    {
        Dictionary<string, double> coefficients = new(StringComparer.Ordinal);
        reader.Record(path, node);
        if (node is not YamlMappingNode mapping)
        {
            reader.Fail(node, path, $"expected a mapping of parameter names to coefficients, e.g. {{x1: 1, x2: 1}}, found {YamlScalars.Describe(node)}");
            return coefficients;
        }

        foreach ((YamlNode key, YamlNode value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                reader.Note(key.Start, path, $"parameter names must be text, found {YamlScalars.Describe(key)}");
                continue;
            }

            // Located at the name: an unknown parameter is the usual mistake here.
            reader.Record(SpecPath.Key(path, name), key);
            if (reader.Number(value, SpecPath.Key(path, name)) is { } coefficient)
            {
                coefficients[name] = coefficient;
            }
        }

        return coefficients;
    }
}
