namespace AutoLab.Orchestrator.Specs.Validation;

/// <summary>Rules on the top-level numbers: name, budget, batch size, termination, fault policy.</summary>
internal static class CampaignRules
{
    public static void Check(SpecRuleContext context)
    {
        CampaignSpec spec = context.Spec;
        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            context.Report("name", "the campaign name must not be empty");
        }

        if (spec.Budget < 1)
        {
            context.Report("budget", $"budget must be at least 1 experiment, found {spec.Budget}");
        }

        if (spec.BatchSize < 1)
        {
            context.Report("batch_size", $"batch_size must be at least 1, found {spec.BatchSize}");
        }
        else if (spec.Budget >= 1 && context.IsSound("budget") && spec.BatchSize > spec.Budget)
        {
            context.Report("batch_size", $"batch_size {spec.BatchSize} is larger than the budget of {spec.Budget} experiments");
        }

        if (spec.Termination.TargetValue is { } target && !double.IsFinite(target))
        {
            context.Report("termination.target", $"target must be a finite number, found {SpecRuleContext.Number(target)}");
        }

        if (spec.Termination.MaxExperimentsWithoutImprovement is < 1 and var patience)
        {
            context.Report("termination.patience", $"patience must be at least 1 experiment, found {patience}");
        }

        double fraction = spec.FaultPolicy.MaxFaultFraction;
        if (!(fraction is >= 0 and <= 1))
        {
            context.Report("fault_policy.max_fault_fraction", $"max_fault_fraction must be between 0 and 1, found {SpecRuleContext.Number(fraction)}");
        }

        if (spec.FaultPolicy.MinExperiments < 0)
        {
            context.Report("fault_policy.min_experiments", $"min_experiments must not be negative, found {spec.FaultPolicy.MinExperiments}");
        }
    }
}
