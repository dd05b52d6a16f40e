using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs;

/// <summary>The <c>steps</c> section of a spec: who serves each step, with time limits and retries.</summary>
public sealed record StepsSpec
{
    /// <summary>The name the analyze step is served under when the spec names none: the analysis service's queue.</summary>
    public const string AnalysisService = "analysis";

    /// <summary>Optional preparation (synthesis or machine settings).</summary>
    public StepPlan? Prepare { get; init; }

    /// <summary>The measurement; required.</summary>
    public StepPlan? Measure { get; init; }

    /// <summary>The analysis; when null the compiled plan uses <see cref="AnalysisService"/> with default limits.</summary>
    public StepPlan? Analyze { get; init; }
}
