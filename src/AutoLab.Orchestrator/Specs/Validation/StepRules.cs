using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs.Validation;

/// <summary>Rules on steps: measure present, instruments named and able to serve, limits positive.</summary>
internal static class StepRules
{
    public static void Check(SpecRuleContext context)
    {
        StepsSpec steps = context.Spec.Steps;
        if (steps.Measure is null)
        {
            context.Report("steps.measure", "the measure step is required");
        }

        Check(context, "steps.prepare", steps.Prepare, ExperimentStep.Prepare);
        Check(context, "steps.measure", steps.Measure, ExperimentStep.Measure);
        Check(context, "steps.analyze", steps.Analyze, ExperimentStep.Analyze);
    }

    private static void Check(SpecRuleContext context, string path, StepPlan? step, ExperimentStep kind)
    {
        if (step is null)
        {
            return;
        }

        string instrumentPath = SpecPath.Key(path, "instrument");
        if (string.IsNullOrWhiteSpace(step.Instrument))
        {
            context.Report(instrumentPath, "the instrument name must not be empty");
        }
        else if (!(kind == ExperimentStep.Analyze && step.Instrument == StepsSpec.AnalysisService))
        {
            // The analysis service is built in; anything else must be a catalogued instrument.
            CatalogChecks.Instrument(context, instrumentPath, step.Instrument, kind);
        }

        if (!(step.TimeoutSeconds > 0) || double.IsInfinity(step.TimeoutSeconds))
        {
            context.Report(SpecPath.Key(path, "timeout"), $"timeout must be a positive duration, found {SpecRuleContext.Number(step.TimeoutSeconds)}s");
        }

        if (step.MaxAttempts < 1)
        {
            context.Report(SpecPath.Key(path, "attempts"), $"attempts must be at least 1 (1 means no retry), found {step.MaxAttempts}");
        }

        if (!(step.RetryBackoffSeconds >= 0) || double.IsInfinity(step.RetryBackoffSeconds))
        {
            context.Report(SpecPath.Key(path, "backoff"), $"backoff must be zero or a positive duration, found {SpecRuleContext.Number(step.RetryBackoffSeconds)}s");
        }
    }
}
