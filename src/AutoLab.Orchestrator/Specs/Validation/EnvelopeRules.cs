using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs.Validation;

/// <summary>Rules on the spec's extra safety limits: used instruments, numeric parameters, min not above max.</summary>
internal static class EnvelopeRules
{
    public static void Check(SpecRuleContext context)
    {
        HashSet<string> used = UsedInstruments(context.Spec);
        HashSet<string> reported = new(StringComparer.Ordinal);
        foreach (EnvelopeLimit limit in context.Spec.Envelope)
        {
            string instrumentPath = SpecPath.Key("envelope", limit.Instrument);
            string path = SpecPath.Key(instrumentPath, limit.Parameter);
            if (!used.Contains(limit.Instrument))
            {
                // A misspelt instrument here would silently disable a safety limit, so it is an error.
                if (reported.Add(limit.Instrument))
                {
                    string hint = NameSuggester.Hint(limit.Instrument, used, "the steps use");
                    context.Report(instrumentPath, $"no step uses instrument '{limit.Instrument}', so its limits would never apply{hint}");
                }

                continue;
            }

            CheckLimit(context, path, limit);
        }
    }

    /// <summary>One limit, wherever it is written: a numeric parameter of the space, numbers, min not above max.</summary>
    public static void CheckLimit(SpecRuleContext context, string path, EnvelopeLimit limit)
    {
        if (!context.IsNumeric(limit.Parameter, out ParameterDefinition? parameter))
        {
            context.Report(path, context.NotNumeric(limit.Parameter, parameter));
        }
        else if (double.IsNaN(limit.Minimum) || double.IsNaN(limit.Maximum))
        {
            context.Report(path, "limits must be numbers, not .nan");
        }
        else if (limit.Minimum > limit.Maximum)
        {
            context.Report(path, $"min {SpecRuleContext.Number(limit.Minimum)} is above max {SpecRuleContext.Number(limit.Maximum)}");
        }
    }

    private static HashSet<string> UsedInstruments(CampaignSpec spec)
    {
        StepPlan?[] steps = [spec.Steps.Prepare, spec.Steps.Measure, spec.Steps.Analyze];
        HashSet<string> used = new(steps.OfType<StepPlan>().Select(s => s.Instrument), StringComparer.Ordinal);
        if (spec.Schedule?.Calibration is { } calibration)
        {
            used.Add(calibration.Instrument);
        }

        used.Remove("");
        return used;
    }
}
