using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs;

/// <summary>Compiles a valid <see cref="CampaignSpec"/> into the <see cref="CampaignPlan"/> the sagas run.</summary>
/// <seealso cref="CampaignSpecLoader"/>
public static class CampaignSpecCompiler
{
    /// <summary>
    /// Validates <paramref name="spec"/> and compiles it: steps in order (prepare if given, measure,
    /// analyze, the last on the analysis service when not given), the instruments' declared
    /// envelopes (from the spec's <c>instruments</c> section or the catalog) followed by the spec's own
    /// limits, and the strategy's needs from the catalog.
    /// </summary>
    /// <param name="spec">A spec from <see cref="CampaignSpecParser"/> or built in code.</param>
    /// <param name="catalog">The instruments' envelopes and the strategies' capabilities; with an
    /// unknown strategy set, <see cref="StrategyPlan.NeedsHistory"/> is true (sending history is
    /// always correct, only more costly).</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">The spec had parse errors or fails validation; the message lists every error.</exception>
    public static CampaignPlan Compile(CampaignSpec spec, SpecCatalog catalog)
    {
        if (spec.Source.HasParseErrors)
        {
            throw new ArgumentException("the spec had parse errors; load it with CampaignSpecLoader and fix those first", nameof(spec));
        }

        SpecValidationResult validation = SpecValidator.Validate(spec, catalog);
        if (!validation.IsValid)
        {
            string errors = string.Join(Environment.NewLine, validation.Errors.Select(e => SpecErrorFormatter.Format("spec", e)));
            throw new ArgumentException($"the spec is invalid:{Environment.NewLine}{errors}", nameof(spec));
        }

        return CompileValidated(spec, catalog);
    }

    /// <summary>Compiles a spec already known to be valid.</summary>
    internal static CampaignPlan CompileValidated(CampaignSpec spec, SpecCatalog catalog)
    {
        List<StepPlan> steps = [];
        if (spec.Steps.Prepare is { } prepare)
        {
            steps.Add(prepare with { Step = ExperimentStep.Prepare });
        }

        steps.Add(spec.Steps.Measure! with { Step = ExperimentStep.Measure });
        steps.Add((spec.Steps.Analyze ?? new StepPlan { Step = ExperimentStep.Analyze, Instrument = StepsSpec.AnalysisService }) with { Step = ExperimentStep.Analyze });

        return new CampaignPlan
        {
            Name = spec.Name,
            Space = spec.Space,
            Constraints = spec.Constraints,
            Objectives = spec.Objectives,
            Steps = steps,
            Analysis = spec.Analysis,
            Envelope = Envelope(spec, steps, catalog),
            Strategy = new StrategyPlan
            {
                Name = spec.Strategy.Name,
                Options = spec.Strategy.Options,
                NeedsHistory = catalog.Strategies is not { } strategies || strategies[spec.Strategy.Name].NeedsHistory,
            },
            Budget = spec.Budget,
            BatchSize = spec.BatchSize,
            SynchronousBatches = spec.SynchronousBatches,
            Termination = spec.Termination,
            FaultPolicy = spec.FaultPolicy,
            RequireApproval = spec.RequireApproval,
            Seed = spec.Seed,
        };
    }

    /// <summary>
    /// Declared limits first, then the spec's: both are kept, and whoever checks a point applies
    /// every limit for the instrument and parameter, so the tighter one wins.
    /// </summary>
    private static List<EnvelopeLimit> Envelope(CampaignSpec spec, List<StepPlan> steps, SpecCatalog catalog)
    {
        List<EnvelopeLimit> limits = [];
        foreach (string instrument in steps.Select(s => s.Instrument).Distinct(StringComparer.Ordinal))
        {
            // An instrument the spec declares is the one the steps mean, whatever the catalog holds.
            IReadOnlyList<EnvelopeLimit>? declared = spec.Instruments.FirstOrDefault(i => i.Name == instrument)?.Envelope
                ?? catalog.Instruments?.GetValueOrDefault(instrument)?.Envelope;
            limits.AddRange((declared ?? []).Select(l => l with { Instrument = instrument }));
        }

        limits.AddRange(spec.Envelope);
        return limits;
    }
}
