using AutoLab.Orchestrator.Specs.Validation;

namespace AutoLab.Orchestrator.Specs;

/// <summary>Checks what a parsed spec means: bounds in order, names unique and known, limits sane, declared instruments runnable.</summary>
/// <remarks>
/// Shape and type errors are the parser's (<see cref="CampaignSpecParser"/>); a field it already
/// reported is skipped here, so each mistake is reported once. A spec built in code has no broken
/// fields and no locations: every rule runs and errors carry line 0.
/// </remarks>
public static class SpecValidator
{
    /// <summary>Checks <paramref name="spec"/> against its own rules and the names in <paramref name="catalog"/>.</summary>
    /// <param name="spec">The spec to check.</param>
    /// <param name="catalog">Known instruments, strategies and models; use <see cref="SpecCatalog.Unchecked"/> to skip name checks.</param>
    /// <returns>Every problem found, in document order.</returns>
    public static SpecValidationResult Validate(CampaignSpec spec, SpecCatalog catalog)
    {
        SpecRuleContext context = new(spec, catalog);
        CampaignRules.Check(context);
        SpaceRules.Check(context);
        ConstraintRules.Check(context);
        StepRules.Check(context);
        InstrumentRules.Check(context);
        ObjectiveRules.Check(context);
        EnvelopeRules.Check(context);
        ScheduleRules.Check(context);
        return new SpecValidationResult { Errors = context.SortedErrors() };
    }
}
