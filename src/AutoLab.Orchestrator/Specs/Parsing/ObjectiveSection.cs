using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Orchestration;
using YamlDotNet.RepresentationModel;

namespace AutoLab.Orchestrator.Specs.Parsing;

/// <summary>Reads <c>analysis</c> (the model pipeline) and <c>objectives</c> (what it must produce).</summary>
internal static class ObjectiveSection
{
    private static readonly string[] StageKeys = ["model", "options"];

    private static readonly string[] ObjectiveKeys = ["name", "direction", "unit"];

    private static readonly Dictionary<string, ObjectiveDirection> Directions = new(StringComparer.Ordinal)
    {
        ["minimize"] = ObjectiveDirection.Minimize,
        ["maximize"] = ObjectiveDirection.Maximize,
    };

    public static IReadOnlyList<AnalysisStage> ReadAnalysis(SpecReader reader, YamlNode node, string path)
    {
        List<AnalysisStage> stages = [];
        IReadOnlyList<YamlNode> items = reader.Sequence(node, path) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            SpecMapping? m = reader.Mapping(items[i], SpecPath.Index(path, i), StageKeys);
            stages.Add(m is null
                ? new AnalysisStage { Model = "" }
                : new AnalysisStage { Model = m.Text("model", required: true) ?? "", Options = m.Options("options") });
        }

        return stages;
    }

    public static IReadOnlyList<ObjectiveDefinition> ReadObjectives(SpecReader reader, YamlNode node, string path)
    {
        List<ObjectiveDefinition> objectives = [];
        IReadOnlyList<YamlNode> items = reader.Sequence(node, path) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            SpecMapping? m = reader.Mapping(items[i], SpecPath.Index(path, i), ObjectiveKeys);
            objectives.Add(new ObjectiveDefinition
            {
                Name = m?.Text("name", required: true) ?? "",
                Direction = m?.Choice("direction", Directions, required: true) ?? ObjectiveDirection.Minimize,
                Unit = m?.Text("unit") ?? "",
            });
        }

        return objectives;
    }
}
