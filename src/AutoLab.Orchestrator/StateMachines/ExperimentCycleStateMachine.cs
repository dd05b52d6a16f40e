using AutoLab.Contracts;
using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;
using AutoLab.Orchestrator.Hosting;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.Scheduling;
using MassTransit;

namespace AutoLab.Orchestrator.StateMachines;

/// <summary>
/// The experiment saga: runs one experiment through prepare → measure → analyze, with a time limit
/// per step, bounded retries with exponential back-off, and the safety envelope checked before any
/// command leaves. Every result is journaled before the saga acts on it. The transition table is in
/// docs/state-machines.md.
/// </summary>
public sealed class ExperimentCycleStateMachine : MassTransitStateMachine<ExperimentCycle>
{
    readonly ICampaignJournal _journal;
    readonly IStepTimers _timers;
    readonly TimeProvider _clock;
    readonly BusScope _scope;
    readonly InstrumentRegistry? _instruments;

    /// <summary>Creates the machine; journal, timers and clock come from the container.</summary>
    /// <param name="journal">The campaign journal.</param>
    /// <param name="timers">Step time limits and retry back-off.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="scope">This orchestrator's bus scope; none (fixed queue names) when not registered.</param>
    /// <param name="instruments">The instruments this process serves, whose queues carry the scope.</param>
    public ExperimentCycleStateMachine(ICampaignJournal journal, IStepTimers timers, TimeProvider clock, BusScope? scope = null, InstrumentRegistry? instruments = null)
    {
        _journal = journal;
        _timers = timers;
        _clock = clock;
        _scope = scope ?? BusScope.None;
        _instruments = instruments;

        Event(() => Start, x => x.CorrelateById(m => m.Message.ExperimentId));
        Event(() => Prepared, x => { x.CorrelateById(m => m.Message.ExperimentId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => Measured, x => { x.CorrelateById(m => m.Message.ExperimentId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => Analyzed, x => { x.CorrelateById(m => m.Message.ExperimentId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => StepFailed, x => { x.CorrelateById(m => m.Message.ExperimentId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => TimedOut, x => { x.CorrelateById(m => m.Message.ExperimentId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => Retry, x => { x.CorrelateById(m => m.Message.ExperimentId); x.OnMissingInstance(m => m.Discard()); });

        // The state is stored by name, so the current step reads directly from it.
        InstanceState(x => x.CurrentState);

        Initially(
            When(Start).ThenAsync(BeginAsync));

        During(Preparing,
            When(Prepared, c => c.Message.IdempotencyKey == ExperimentCommands.StepKey(c.Saga.CorrelationId, ExperimentStep.Prepare))
                .ThenAsync(SamplePreparedAsync));

        During(Measuring,
            When(Measured, c => c.Message.IdempotencyKey == ExperimentCommands.StepKey(c.Saga.CorrelationId, ExperimentStep.Measure))
                .ThenAsync(MeasurementCompletedAsync));

        During(Analyzing,
            When(Analyzed, c => c.Message.IdempotencyKey == ExperimentCommands.StepKey(c.Saga.CorrelationId, ExperimentStep.Analyze))
                .ThenAsync(AnalysisCompletedAsync));

        During(Preparing, Measuring, Analyzing,
            When(StepFailed, c => IsCurrentAttempt(c.Saga, c.Message.Step, c.Message.Attempt))
                .ThenAsync(c => StepFailedAsync(c, c.Message)),
            When(TimedOut, c => IsCurrentAttempt(c.Saga, c.Message.Step, c.Message.Attempt))
                .ThenAsync(c => StepFailedAsync(c, TimeoutFault(c.Saga, c.Message))),
            When(Retry, c => c.Saga.RetryScheduled && c.Message.Step == CurrentStep(c.Saga) && c.Message.Attempt == c.Saga.Attempt + 1)
                .ThenAsync(RetryAsync));

        // Re-deliveries, answers to superseded attempts and results after a fault need no action:
        // what mattered was journaled when it first arrived.
        OnUnhandledEvent(x => x.Ignore());
        SetCompletedWhenFinalized();
    }

    /// <summary>Waiting for the sample to be prepared.</summary>
    public State Preparing { get; private set; } = null!;

    /// <summary>Waiting for the measurement.</summary>
    public State Measuring { get; private set; } = null!;

    /// <summary>Waiting for the analysis.</summary>
    public State Analyzing { get; private set; } = null!;

    /// <summary>Objectives obtained; the instance is then finalized.</summary>
    public State Completed { get; private set; } = null!;

    /// <summary>Gave up; the instance is then finalized.</summary>
    public State Faulted { get; private set; } = null!;

    /// <summary>Start (or restart after recovery) an experiment.</summary>
    public Event<StartExperiment> Start { get; private set; } = null!;

    /// <summary>The sample is ready.</summary>
    public Event<SamplePrepared> Prepared { get; private set; } = null!;

    /// <summary>The measurement is done.</summary>
    public Event<MeasurementCompleted> Measured { get; private set; } = null!;

    /// <summary>The analysis is done.</summary>
    public Event<AnalysisCompleted> Analyzed { get; private set; } = null!;

    /// <summary>A step failed.</summary>
    public Event<StepFaulted> StepFailed { get; private set; } = null!;

    /// <summary>A step's time limit passed.</summary>
    public Event<StepTimedOut> TimedOut { get; private set; } = null!;

    /// <summary>A step's back-off elapsed.</summary>
    public Event<RetryStep> Retry { get; private set; } = null!;

    async Task BeginAsync(BehaviorContext<ExperimentCycle, StartExperiment> context)
    {
        StartExperiment start = context.Message;
        ExperimentCycle experiment = context.Saga;
        await _journal.AppendAsync(JournalKinds.ExperimentStarted, start.CampaignId, start.ExperimentId, start.IdempotencyKey, start.Timestamp, start, context.CancellationToken);
        experiment.Start = start;
        experiment.SampleId = start.PreparedSampleId ?? "";
        experiment.Measurement = start.Measurement;
        if (start.Measurement is not null && ExperimentCommands.PlanFor(start, ExperimentStep.Analyze) is null)
        {
            // A reference measurement journaled before a restart is already the result.
            await CompleteAsync(context, start.Measurement.Readings, new Dictionary<string, double>());
            return;
        }

        State first = start.Measurement is not null ? Analyzing
            : start.PreparedSampleId is not null || ExperimentCommands.PlanFor(start, ExperimentStep.Prepare) is null ? Measuring
            : Preparing;
        await context.TransitionToState(first);
        await SendCurrentStepAsync(context);
    }

    async Task SamplePreparedAsync(BehaviorContext<ExperimentCycle, SamplePrepared> context)
    {
        SamplePrepared message = context.Message;
        await _journal.AppendAsync(JournalKinds.SamplePrepared, message.CampaignId, message.ExperimentId, message.IdempotencyKey, message.Timestamp, message, context.CancellationToken);
        await _timers.CancelTimeoutAsync(message.ExperimentId, context.CancellationToken);
        context.Saga.SampleId = message.SampleId;
        await NextStepAsync(context, Measuring);
    }

    async Task MeasurementCompletedAsync(BehaviorContext<ExperimentCycle, MeasurementCompleted> context)
    {
        MeasurementCompleted message = context.Message;
        string? garbage = ExperimentCommands.NonFiniteValue(message.Readings, "reading");
        if (garbage is not null)
        {
            await StepFailedAsync(context, ExperimentCommands.Fault(context.Saga, ExperimentStep.Measure, StepFaultKind.BadOutput,
                $"instrument '{message.Instrument}' returned {garbage}", retryable: true, Now));
            return;
        }

        await _journal.AppendAsync(JournalKinds.MeasurementCompleted, message.CampaignId, message.ExperimentId, message.IdempotencyKey, message.Timestamp, message, context.CancellationToken);
        await _timers.CancelTimeoutAsync(message.ExperimentId, context.CancellationToken);
        context.Saga.Measurement = new CompletedMeasurement { Instrument = message.Instrument, Readings = message.Readings, Data = message.Data };
        if (ExperimentCommands.PlanFor(context.Saga.Start, ExperimentStep.Analyze) is null)
        {
            // Reference/calibration measurements have no analysis: their readings are the result.
            await CompleteAsync(context, message.Readings, new Dictionary<string, double>());
            return;
        }

        await NextStepAsync(context, Analyzing);
    }

    async Task AnalysisCompletedAsync(BehaviorContext<ExperimentCycle, AnalysisCompleted> context)
    {
        AnalysisCompleted message = context.Message;
        ExperimentCycle experiment = context.Saga;
        string? problem = ExperimentCommands.MissingObjective(experiment.Start.Objectives, message.Objectives)
                          ?? ExperimentCommands.NonFiniteValue(message.Objectives, "objective");
        if (problem is not null)
        {
            await StepFailedAsync(context, ExperimentCommands.Fault(experiment, ExperimentStep.Analyze, StepFaultKind.BadOutput,
                $"analysis returned {problem}", retryable: false, Now));
            return;
        }

        await _journal.AppendAsync(JournalKinds.AnalysisCompleted, message.CampaignId, message.ExperimentId, message.IdempotencyKey, message.Timestamp, message, context.CancellationToken);
        await _timers.CancelTimeoutAsync(message.ExperimentId, context.CancellationToken);
        await CompleteAsync(context, message.Objectives, message.Uncertainties);
    }

    async Task CompleteAsync<T>(BehaviorContext<ExperimentCycle, T> context, IReadOnlyDictionary<string, double> objectives, IReadOnlyDictionary<string, double> uncertainties)
        where T : class
    {
        ExperimentCycle experiment = context.Saga;
        var completed = new ExperimentCompleted
        {
            CampaignId = experiment.Start.CampaignId,
            ExperimentId = experiment.CorrelationId,
            Timestamp = Now,
            Observation = new Observation
            {
                ExperimentId = experiment.CorrelationId,
                Sequence = experiment.Start.Sequence,
                Parameters = experiment.Start.Parameters,
                Objectives = objectives,
                Uncertainties = uncertainties,
            },
        };
        await _journal.AppendAsync(JournalKinds.ExperimentCompleted, completed.CampaignId, completed.ExperimentId, completed.ExperimentId.ToString("N"), completed.Timestamp, completed, context.CancellationToken);
        await context.Publish(completed);
        await context.TransitionToState(Completed);
        await context.TransitionToState(Final);
    }

    async Task StepFailedAsync<T>(BehaviorContext<ExperimentCycle, T> context, StepFaulted fault)
        where T : class
    {
        ExperimentCycle experiment = context.Saga;
        await _journal.AppendAsync(JournalKinds.StepFaulted, fault.CampaignId, fault.ExperimentId, $"{fault.IdempotencyKey}#{fault.Attempt}", fault.Timestamp, fault, context.CancellationToken);
        await _timers.CancelTimeoutAsync(experiment.CorrelationId, context.CancellationToken);

        StepPlan? plan = ExperimentCommands.PlanFor(experiment.Start, fault.Step);
        int maxAttempts = plan?.MaxAttempts ?? 1;
        if (fault.Retryable && experiment.Attempt < maxAttempts)
        {
            experiment.RetryScheduled = true;
            double backoff = (plan?.RetryBackoffSeconds ?? 1) * Math.Pow(2, experiment.Attempt - 1);
            var retry = new RetryStep { CampaignId = fault.CampaignId, ExperimentId = fault.ExperimentId, Step = fault.Step, Attempt = experiment.Attempt + 1, Timestamp = Now.AddSeconds(backoff) };
            await _timers.ScheduleRetryAsync(retry, TimeSpan.FromSeconds(backoff), context.CancellationToken);
            return;
        }

        string attempts = experiment.Attempt == 1 ? "" : $" after {experiment.Attempt} attempts";
        var faulted = new ExperimentFaulted
        {
            CampaignId = experiment.Start.CampaignId,
            ExperimentId = experiment.CorrelationId,
            Timestamp = Now,
            Sequence = experiment.Start.Sequence,
            Parameters = experiment.Start.Parameters,
            Step = fault.Step,
            Kind = fault.Kind,
            Reason = $"{fault.Step.ToString().ToLowerInvariant()} failed{attempts}: {fault.Reason}",
        };
        await _journal.AppendAsync(JournalKinds.ExperimentFaulted, faulted.CampaignId, faulted.ExperimentId, faulted.ExperimentId.ToString("N"), faulted.Timestamp, faulted, context.CancellationToken);
        await context.Publish(faulted);
        await context.TransitionToState(Faulted);
        await context.TransitionToState(Final);
    }

    async Task RetryAsync(BehaviorContext<ExperimentCycle, RetryStep> context)
    {
        context.Saga.RetryScheduled = false;
        context.Saga.Attempt = context.Message.Attempt;
        await SendCurrentStepAsync(context);
    }

    async Task NextStepAsync<T>(BehaviorContext<ExperimentCycle, T> context, State next)
        where T : class
    {
        context.Saga.Attempt = 1;
        context.Saga.RetryScheduled = false;
        await context.TransitionToState(next);
        await SendCurrentStepAsync(context);
    }

    /// <summary>Checks the envelope, sends the current step's command and arms its time limit.</summary>
    async Task SendCurrentStepAsync<T>(BehaviorContext<ExperimentCycle, T> context)
        where T : class
    {
        ExperimentCycle experiment = context.Saga;
        ExperimentStep step = CurrentStep(experiment);
        StepPlan plan = ExperimentCommands.PlanFor(experiment.Start, step)
                        ?? throw new InvalidOperationException($"experiment {experiment.CorrelationId} has no plan for step {step}");

        if (step != ExperimentStep.Analyze
            && EnvelopeCheck.Violation(experiment.Start.Envelope, plan.Instrument, experiment.Start.Parameters) is { } violation)
        {
            await StepFailedAsync(context, ExperimentCommands.Fault(experiment, step, StepFaultKind.Refused,
                $"refused before sending: {violation}", retryable: false, Now));
            return;
        }

        await _timers.ScheduleTimeoutAsync(
            new StepTimedOut { CampaignId = experiment.Start.CampaignId, ExperimentId = experiment.CorrelationId, Step = step, Attempt = experiment.Attempt, Timestamp = Now.AddSeconds(plan.TimeoutSeconds) },
            TimeSpan.FromSeconds(plan.TimeoutSeconds), context.CancellationToken);
        ISendEndpoint endpoint = await context.GetSendEndpoint(
            ExperimentCommands.Address(plan, _scope.Name, name => _instruments?.Contains(name) == true));
        object command = ExperimentCommands.Command(experiment, step, plan, Now);
        await endpoint.Send(command, command.GetType(), context.CancellationToken);
    }

    ExperimentStep CurrentStep(ExperimentCycle experiment) =>
        experiment.CurrentState == Preparing.Name ? ExperimentStep.Prepare
        : experiment.CurrentState == Measuring.Name ? ExperimentStep.Measure
        : ExperimentStep.Analyze;

    bool IsCurrentAttempt(ExperimentCycle experiment, ExperimentStep step, int attempt) =>
        !experiment.RetryScheduled && step == CurrentStep(experiment) && attempt == experiment.Attempt;

    StepFaulted TimeoutFault(ExperimentCycle experiment, StepTimedOut timeout)
    {
        StepPlan? plan = ExperimentCommands.PlanFor(experiment.Start, timeout.Step);
        return ExperimentCommands.Fault(experiment, timeout.Step, StepFaultKind.Timeout,
            $"no answer from '{plan?.Instrument}' within {plan?.TimeoutSeconds} s", retryable: true, Now);
    }

    DateTimeOffset Now => _clock.GetUtcNow();
}
