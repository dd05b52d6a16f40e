using System.Globalization;
using AutoLab.Analysis.Consumers;
using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;

namespace AutoLab.Orchestrator.StateMachines;

/// <summary>Builds the step commands the experiment saga sends, and checks what comes back.</summary>
public static class ExperimentCommands
{
    /// <summary>
    /// The idempotency key of a step: the same for every attempt, so an instrument that already
    /// completed the step answers from its store instead of measuring again.
    /// </summary>
    public static string StepKey(Guid experimentId, ExperimentStep step) =>
        $"{experimentId:N}/{step.ToString().ToLowerInvariant()}";

    /// <summary>The plan of a step, or null when the experiment has no such step.</summary>
    public static StepPlan? PlanFor(StartExperiment start, ExperimentStep step)
    {
        foreach (StepPlan plan in start.Steps)
        {
            if (plan.Step == step)
            {
                return plan;
            }
        }

        return null;
    }

    /// <summary>Where a step's command goes: the instrument's queue, or the analysis service's.</summary>
    public static Uri Address(StepPlan plan) => plan.Step == ExperimentStep.Analyze
        ? new Uri($"queue:{(string.IsNullOrEmpty(plan.Instrument) ? AnalysisEndpoints.QueueName : plan.Instrument)}")
        : new Uri($"queue:{InstrumentEndpoints.QueueName(plan.Instrument)}");

    /// <summary>
    /// Where a step's command goes when the orchestrator is scoped: an instrument this process serves
    /// listens on <c>instrument.{name}.{scope}</c>; analysis queues and instruments served by foreign
    /// adapters (<c>type: external</c>) keep their shared names.
    /// </summary>
    /// <param name="plan">The step's plan.</param>
    /// <param name="scope">This process's scope name, or null when not scoped (then as <see cref="Address(StepPlan)"/>).</param>
    /// <param name="servedHere">Whether this process serves the named instrument itself.</param>
    /// <returns>The queue address.</returns>
    public static Uri Address(StepPlan plan, string? scope, Func<string, bool> servedHere) =>
        plan.Step != ExperimentStep.Analyze && scope is not null && servedHere(plan.Instrument)
            ? InstrumentEndpoints.Address(plan.Instrument, scope)
            : Address(plan);

    /// <summary>The command for the experiment's current step and attempt.</summary>
    public static object Command(ExperimentCycle experiment, ExperimentStep step, StepPlan plan, DateTimeOffset now)
    {
        StartExperiment start = experiment.Start;
        string key = StepKey(experiment.CorrelationId, step);
        return step switch
        {
            ExperimentStep.Prepare => new PrepareSample
            {
                CampaignId = start.CampaignId, ExperimentId = start.ExperimentId, IdempotencyKey = key, Timestamp = now,
                Instrument = plan.Instrument, Attempt = experiment.Attempt, Parameters = start.Parameters,
                Options = plan.Options, DataDirectory = start.DataDirectory,
            },
            ExperimentStep.Measure => new MeasureSample
            {
                CampaignId = start.CampaignId, ExperimentId = start.ExperimentId, IdempotencyKey = key, Timestamp = now,
                Instrument = plan.Instrument, Attempt = experiment.Attempt, Parameters = start.Parameters,
                SampleId = experiment.SampleId, Options = plan.Options, DataDirectory = start.DataDirectory,
            },
            _ => new AnalyzeMeasurement
            {
                CampaignId = start.CampaignId, ExperimentId = start.ExperimentId, IdempotencyKey = key, Timestamp = now,
                Attempt = experiment.Attempt, Parameters = start.Parameters,
                Readings = experiment.Measurement?.Readings ?? new Dictionary<string, double>(),
                Data = experiment.Measurement?.Data ?? [],
                Pipeline = start.Analysis, Objectives = start.Objectives, DataDirectory = start.DataDirectory,
            },
        };
    }

    /// <summary>A fault raised by the saga itself (refusal, timeout, bad output).</summary>
    public static StepFaulted Fault(
        ExperimentCycle experiment, ExperimentStep step, StepFaultKind kind, string reason, bool retryable, DateTimeOffset now) => new()
    {
        CampaignId = experiment.Start.CampaignId,
        ExperimentId = experiment.CorrelationId,
        IdempotencyKey = StepKey(experiment.CorrelationId, step),
        Timestamp = now,
        Step = step,
        Instrument = PlanFor(experiment.Start, step)?.Instrument ?? "",
        Attempt = experiment.Attempt,
        Kind = kind,
        Reason = reason,
        Retryable = retryable,
    };

    /// <summary>Describes the first NaN or infinite value, or null when all are finite.</summary>
    public static string? NonFiniteValue(IReadOnlyDictionary<string, double> values, string what)
    {
        foreach ((string name, double value) in values)
        {
            if (!double.IsFinite(value))
            {
                return $"{what} '{name}' = {value.ToString(CultureInfo.InvariantCulture)}, which is not a finite number";
            }
        }

        return null;
    }

    /// <summary>Names the first required objective missing from a result, or null when all are present.</summary>
    public static string? MissingObjective(IReadOnlyList<string> required, IReadOnlyDictionary<string, double> objectives)
    {
        foreach (string name in required)
        {
            if (!objectives.ContainsKey(name))
            {
                return $"no value for objective '{name}' (got: {string.Join(", ", objectives.Keys)})";
            }
        }

        return null;
    }
}
