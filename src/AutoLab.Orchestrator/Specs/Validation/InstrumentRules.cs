using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;

namespace AutoLab.Orchestrator.Specs.Validation;

/// <summary>
/// Rules on the instruments a spec declares: a usable queue name that no built-in instrument has, the
/// steps served, and for process instruments a program that exists, a working directory, capacity and a
/// time limit the steps leave room for.
/// </summary>
internal static class InstrumentRules
{
    public static void Check(SpecRuleContext context)
    {
        foreach (InstrumentSpec instrument in context.Spec.Instruments)
        {
            string path = SpecPath.Key("instruments", instrument.Name);
            if (!context.IsSound(path))
            {
                continue;
            }

            CheckName(context, path, instrument.Name);
            CheckSteps(context, SpecPath.Key(path, "steps"), instrument.Steps);
            if (instrument.Type == InstrumentType.Process && context.IsSound(SpecPath.Key(path, "type")))
            {
                ProcessRules.Check(context, path, instrument);
            }

            foreach (EnvelopeLimit limit in instrument.Envelope)
            {
                EnvelopeRules.CheckLimit(context, SpecPath.Key(SpecPath.Key(path, "envelope"), limit.Parameter), limit);
            }
        }
    }

    private static void CheckName(SpecRuleContext context, string path, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            context.Report(path, "the instrument name must not be empty");
        }
        else if (name.Length > InstrumentDescriptor.MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            context.Report(path, $"instrument name '{name}' may use only letters, digits, '.', '-' and '_' (at most {InstrumentDescriptor.MaxNameLength}), because it names the queue instrument.{name}");
        }
        else if (context.Catalog.Instruments?.ContainsKey(name) == true)
        {
            // Two instruments on one queue would take turns at the commands, whichever answered first.
            context.Report(path, $"'{name}' is the name of a built-in instrument; give the declared one another name");
        }
    }

    private static void CheckSteps(SpecRuleContext context, string path, IReadOnlyList<ExperimentStep> steps)
    {
        if (!context.IsSound(path))
        {
            return;
        }

        if (steps.Count == 0)
        {
            context.Report(path, "list at least one step the instrument serves: prepare, measure or both");
        }

        for (int i = 1; i < steps.Count; i++)
        {
            if (steps.Take(i).Contains(steps[i]))
            {
                context.Report(SpecPath.Index(path, i), $"step '{CatalogChecks.Word(steps[i])}' is listed more than once");
            }
        }
    }
}
