using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs.Validation;

/// <summary>Checks names against the <see cref="SpecCatalog"/>; a set the catalog leaves null is not checked.</summary>
internal static class CatalogChecks
{
    /// <summary>The instrument exists and can serve <paramref name="step"/>.</summary>
    public static void Instrument(SpecRuleContext context, string path, string name, ExperimentStep step)
    {
        if (context.Catalog.Instruments is not { } instruments)
        {
            return;
        }

        if (!instruments.TryGetValue(name, out InstrumentCatalogEntry? entry))
        {
            context.Report(path, $"unknown instrument '{name}'{NameSuggester.Hint(name, instruments.Keys.ToList(), "known instruments are")}");
        }
        else if (!entry.Steps.Contains(step))
        {
            string serves = entry.Steps.Count == 0 ? "no steps" : string.Join(", ", entry.Steps.Order().Select(Word));
            context.Report(path, $"instrument '{name}' cannot serve the {Word(step)} step; it serves: {serves}");
        }
    }

    public static void Strategy(SpecRuleContext context, string path, string name)
    {
        if (context.Catalog.Strategies is { } strategies && !strategies.ContainsKey(name))
        {
            context.Report(path, $"unknown strategy '{name}'{NameSuggester.Hint(name, strategies.Keys.ToList(), "known strategies are")}");
        }
    }

    public static void AnalysisModel(SpecRuleContext context, string path, string name)
    {
        if (context.Catalog.AnalysisModels is { } models && !models.Contains(name))
        {
            context.Report(path, $"unknown analysis model '{name}'{NameSuggester.Hint(name, models.ToList(), "known models are")}");
        }
    }

    public static string Word(ExperimentStep step) => step.ToString().ToLowerInvariant();
}
