using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs.Validation;

/// <summary>Checks names against the <see cref="SpecCatalog"/>; a set the catalog leaves null is not checked.</summary>
internal static class CatalogChecks
{
    /// <summary>
    /// The instrument exists and can serve <paramref name="step"/>: one the spec declares (checked even
    /// when the catalog checks no instruments, since the spec itself says what it serves), or one in the catalog.
    /// </summary>
    public static void Instrument(SpecRuleContext context, string path, string name, ExperimentStep step)
    {
        if (context.DeclaredInstrument(name) is { } declared)
        {
            // An empty or unreadable list of steps is reported at the declaration, not at every use.
            string stepsPath = SpecPath.Key(SpecPath.Key("instruments", name), "steps");
            if (context.IsSound(stepsPath) && declared.Steps.Count > 0 && !declared.Steps.Contains(step))
            {
                context.Report(path, $"instrument '{name}' cannot serve the {Word(step)} step; it serves: {Serves(declared.Steps)}, as declared in {stepsPath}{context.LineOf(stepsPath)}");
            }

            return;
        }

        if (context.Catalog.Instruments is not { } instruments)
        {
            return;
        }

        if (!instruments.TryGetValue(name, out InstrumentCatalogEntry? entry))
        {
            List<string> known = [.. instruments.Keys, .. context.Spec.Instruments.Select(i => i.Name)];
            string declare = NameSuggester.Suggest(name, known) is null ? "; declare it under 'instruments' when a script or a foreign adapter serves it" : "";
            context.Report(path, $"unknown instrument '{name}'{NameSuggester.Hint(name, known, "known instruments are")}{declare}");
        }
        else if (!entry.Steps.Contains(step))
        {
            context.Report(path, $"instrument '{name}' cannot serve the {Word(step)} step; it serves: {Serves(entry.Steps)}");
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

    private static string Serves(IEnumerable<ExperimentStep> steps) =>
        steps.Any() ? string.Join(", ", steps.Distinct().Order().Select(Word)) : "no steps";
}
