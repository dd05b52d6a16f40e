using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs.Validation;

/// <summary>Rules on what the loop produces and chooses: objectives, the analysis pipeline and the strategy.</summary>
internal static class ObjectiveRules
{
    public static void Check(SpecRuleContext context)
    {
        IReadOnlyList<ObjectiveDefinition> objectives = context.Spec.Objectives;
        if (objectives.Count == 0)
        {
            context.Report("objectives", "at least one objective is required");
        }

        Dictionary<string, string> seen = new(StringComparer.Ordinal);
        for (int i = 0; i < objectives.Count; i++)
        {
            string namePath = SpecPath.Key(SpecPath.Index("objectives", i), "name");
            string name = objectives[i].Name;
            if (!context.IsSound(namePath))
            {
                continue;
            }

            context.CheckName(namePath, name, "objective");
            if (name.Length > 0 && !seen.TryAdd(name, namePath))
            {
                context.Report(namePath, $"objective '{name}' is already defined in {SpecPath.Parent(seen[name])}{context.LineOf(seen[name])}");
            }
        }

        IReadOnlyList<AnalysisStage> analysis = context.Spec.Analysis;
        for (int i = 0; i < analysis.Count; i++)
        {
            string modelPath = SpecPath.Key(SpecPath.Index("analysis", i), "model");
            if (string.IsNullOrWhiteSpace(analysis[i].Model))
            {
                context.Report(modelPath, "the analysis model name must not be empty");
            }
            else
            {
                CatalogChecks.AnalysisModel(context, modelPath, analysis[i].Model);
            }
        }

        string strategy = context.Spec.Strategy.Name;
        const string strategyPath = "strategy.name";
        if (string.IsNullOrWhiteSpace(strategy))
        {
            context.Report(strategyPath, "the strategy name must not be empty");
        }
        else
        {
            CatalogChecks.Strategy(context, strategyPath, strategy);
        }
    }
}
