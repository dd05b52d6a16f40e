using AutoLab.ActiveLearning.Consumers;
using AutoLab.Contracts;
using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Definitions;
using AutoLab.Orchestrator.Hosting;
using AutoLab.Orchestrator.Journal;
using MassTransit;

namespace AutoLab.Orchestrator.StateMachines;

/// <summary>
/// The campaign saga: asks the active-learning service for suggestions, keeps up to the batch size of
/// experiments in flight, applies the fault policy and termination, and obeys pause / halt / abort /
/// approval. The transition table is in docs/state-machines.md.
/// </summary>
public sealed class CampaignStateMachine : MassTransitStateMachine<Campaign>
{
    static readonly Uri SuggestionQueue = new($"queue:{ActiveLearningEndpoints.QueueName}");

    readonly ICampaignJournal _journal;
    readonly TimeProvider _clock;
    readonly Uri? _experimentQueue;

    /// <summary>Creates the machine; the journal and clock come from the container.</summary>
    /// <param name="journal">The campaign journal.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="scope">This orchestrator's bus scope; none (StartExperiment is published) when not registered.</param>
    public CampaignStateMachine(ICampaignJournal journal, TimeProvider clock, BusScope? scope = null)
    {
        _journal = journal;
        _clock = clock;
        // A scoped orchestrator sends StartExperiment to its own experiment queue: published, it would
        // reach every orchestrator's experiment saga on the broker and run once per process.
        _experimentQueue = scope?.Name is null ? null : scope.Address(ExperimentCycleStateMachineDefinition.QueueName);

        Event(() => Start, x => x.CorrelateById(m => m.Message.CampaignId));
        Event(() => Recover, x => x.CorrelateById(m => m.Message.CampaignId));
        Event(() => Suggested, x => { x.CorrelateById(m => m.Message.CampaignId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => SuggestionFailed, x => { x.CorrelateById(m => m.Message.CampaignId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => ExperimentCompleted, x => { x.CorrelateById(m => m.Message.CampaignId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => ExperimentFaulted, x => { x.CorrelateById(m => m.Message.CampaignId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => Pause, x => { x.CorrelateById(m => m.Message.CampaignId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => Resume, x => { x.CorrelateById(m => m.Message.CampaignId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => Halt, x => { x.CorrelateById(m => m.Message.CampaignId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => Abort, x => { x.CorrelateById(m => m.Message.CampaignId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => Approve, x => { x.CorrelateById(m => m.Message.CampaignId); x.OnMissingInstance(m => m.Discard()); });

        // The state is stored by name, so the journal, logs and tests read it as words.
        InstanceState(x => x.CurrentState);

        Initially(
            When(Start)
                .ThenAsync(StartCampaignAsync)
                .TransitionTo(Running)
                .ThenAsync(AdvanceAsync),
            When(Recover)
                .ThenAsync(RecoverCampaignAsync));

        During(Running,
            When(Suggested).ThenAsync(AcceptSuggestionsAsync),
            When(ExperimentCompleted).ThenAsync(c => FinishedAsync(c, c.Message.Observation)),
            When(ExperimentFaulted).ThenAsync(c => FinishedAsync(c, FaultedObservation(c.Message))),
            When(Pause).Then(c => c.Saga.ControlKey = c.Message.IdempotencyKey).TransitionTo(Pausing).ThenAsync(AdvanceAsync),
            When(Halt).Then(c => (c.Saga.ControlKey, c.Saga.HaltReason) = (c.Message.IdempotencyKey, c.Message.Reason)).TransitionTo(Halting).ThenAsync(AdvanceAsync));

        During(AwaitingApproval,
            When(Approve).ThenAsync(ApproveAsync),
            When(Suggested).ThenAsync(AcceptSuggestionsAsync),
            When(ExperimentCompleted).ThenAsync(c => FinishedAsync(c, c.Message.Observation)),
            When(ExperimentFaulted).ThenAsync(c => FinishedAsync(c, FaultedObservation(c.Message))),
            When(Pause).Then(c => c.Saga.ControlKey = c.Message.IdempotencyKey).TransitionTo(Pausing).ThenAsync(AdvanceAsync),
            When(Halt).Then(c => (c.Saga.ControlKey, c.Saga.HaltReason) = (c.Message.IdempotencyKey, c.Message.Reason)).TransitionTo(Halting).ThenAsync(AdvanceAsync));

        During(Pausing, Halting,
            When(Suggested).ThenAsync(AcceptSuggestionsAsync),
            When(ExperimentCompleted).ThenAsync(c => FinishedAsync(c, c.Message.Observation)),
            When(ExperimentFaulted).ThenAsync(c => FinishedAsync(c, FaultedObservation(c.Message))));

        During(Pausing,
            When(Resume).ThenAsync(c => ControlAsync(c, JournalKinds.CampaignResumed, c.Message.IdempotencyKey, c.Message)).TransitionTo(Running).ThenAsync(AdvanceAsync),
            When(Halt).Then(c => (c.Saga.ControlKey, c.Saga.HaltReason) = (c.Message.IdempotencyKey, c.Message.Reason)).TransitionTo(Halting).ThenAsync(AdvanceAsync));

        During(Paused, Halted,
            When(Resume).ThenAsync(c => ControlAsync(c, JournalKinds.CampaignResumed, c.Message.IdempotencyKey, c.Message)).TransitionTo(Running).ThenAsync(AdvanceAsync),
            When(Suggested).ThenAsync(AcceptSuggestionsAsync),
            When(ExperimentCompleted).ThenAsync(c => FinishedAsync(c, c.Message.Observation)),
            When(ExperimentFaulted).ThenAsync(c => FinishedAsync(c, FaultedObservation(c.Message))));

        During(Paused,
            When(Halt).Then(c => (c.Saga.ControlKey, c.Saga.HaltReason) = (c.Message.IdempotencyKey, c.Message.Reason)).TransitionTo(Halting).ThenAsync(AdvanceAsync));

        During(new[] { Running, AwaitingApproval, Pausing, Paused, Halting, Halted },
            When(Abort).ThenAsync(c => EndAsync(c, CampaignOutcome.Aborted, Reason(c.Message.Reason, "aborted on request"))),
            When(SuggestionFailed, c => c.Saga.OutstandingRequestId == c.Message.RequestId).ThenAsync(c => EndAsync(c, CampaignOutcome.Faulted, $"suggestion failed: {c.Message.Reason}")));

        // Late or out-of-place messages (an approval while running, a result after an abort) are
        // already journaled by their producers; the campaign has nothing to do with them.
        OnUnhandledEvent(x => x.Ignore());
    }

    /// <summary>Running: experiments are being suggested and run.</summary>
    public State Running { get; private set; } = null!;

    /// <summary>A batch of suggestions waits for a human's approval.</summary>
    public State AwaitingApproval { get; private set; } = null!;

    /// <summary>Pause requested: no new experiments; waiting for those in flight.</summary>
    public State Pausing { get; private set; } = null!;

    /// <summary>Nothing in flight; waiting for a resume.</summary>
    public State Paused { get; private set; } = null!;

    /// <summary>Halt requested (e.g. beamtime over): no new experiments; waiting for those in flight.</summary>
    public State Halting { get; private set; } = null!;

    /// <summary>Halted gracefully; resumable.</summary>
    public State Halted { get; private set; } = null!;

    /// <summary>Budget spent or termination condition met (final).</summary>
    public State Completed { get; private set; } = null!;

    /// <summary>Aborted on request (final).</summary>
    public State Aborted { get; private set; } = null!;

    /// <summary>Stopped by the fault policy or a failed suggestion (final).</summary>
    public State Faulted { get; private set; } = null!;

    /// <summary>Start a new campaign.</summary>
    public Event<StartCampaign> Start { get; private set; } = null!;

    /// <summary>Bring a campaign back from its journal.</summary>
    public Event<RecoverCampaign> Recover { get; private set; } = null!;

    /// <summary>Suggestions arrived.</summary>
    public Event<ExperimentsSuggested> Suggested { get; private set; } = null!;

    /// <summary>The active-learning service could not suggest.</summary>
    public Event<SuggestionFailed> SuggestionFailed { get; private set; } = null!;

    /// <summary>An experiment completed.</summary>
    public Event<ExperimentCompleted> ExperimentCompleted { get; private set; } = null!;

    /// <summary>An experiment faulted.</summary>
    public Event<ExperimentFaulted> ExperimentFaulted { get; private set; } = null!;

    /// <summary>Pause requested.</summary>
    public Event<PauseCampaign> Pause { get; private set; } = null!;

    /// <summary>Resume requested.</summary>
    public Event<ResumeCampaign> Resume { get; private set; } = null!;

    /// <summary>Graceful halt requested.</summary>
    public Event<HaltCampaign> Halt { get; private set; } = null!;

    /// <summary>Abort requested.</summary>
    public Event<AbortCampaign> Abort { get; private set; } = null!;

    /// <summary>A human approved or rejected the waiting suggestions.</summary>
    public Event<ApproveSuggestions> Approve { get; private set; } = null!;

    async Task StartCampaignAsync(BehaviorContext<Campaign, StartCampaign> context)
    {
        StartCampaign message = context.Message;
        await _journal.AppendAsync(JournalKinds.CampaignStarted, message.CampaignId, null, message.IdempotencyKey, message.Timestamp, message, context.CancellationToken);
        context.Saga.Plan = message.Plan;
        context.Saga.DataDirectory = message.DataDirectory;
        await context.Publish(new CampaignStarted { CampaignId = message.CampaignId, Timestamp = Now, Name = message.Plan.Name });
    }

    async Task RecoverCampaignAsync(BehaviorContext<Campaign, RecoverCampaign> context)
    {
        RecoverCampaign message = context.Message;
        Campaign campaign = context.Saga;
        await _journal.AppendAsync(JournalKinds.CampaignRecovered, message.CampaignId, null, message.IdempotencyKey, message.Timestamp, message, context.CancellationToken);
        campaign.Plan = message.Plan;
        campaign.DataDirectory = message.DataDirectory;
        campaign.SuggestionCount = message.SuggestionCount;
        campaign.Unstarted = [.. message.UnstartedSuggestions];
        campaign.UnstartedApproved = !message.Plan.RequireApproval; // the journal does not say whether a human saw them: ask again
        campaign.ApprovalScope = $"@{message.IdempotencyKey}";
        campaign.Started = message.Observations.Count + message.InFlight.Count;
        foreach (StartExperiment experiment in message.InFlight)
        {
            campaign.InFlight[experiment.ExperimentId] = experiment.Parameters;
        }

        foreach (Observation observation in message.Observations.OrderBy(o => o.Sequence))
        {
            campaign.InFlight[observation.ExperimentId] = observation.Parameters;
            CampaignProgress.RecordFinished(campaign, observation);
        }

        await context.Publish(new CampaignStarted
        {
            CampaignId = message.CampaignId,
            Timestamp = Now,
            Name = message.Plan.Name,
            FinishedExperiments = message.Observations.Count,
        });

        // In-flight experiments restart from their last journaled step with the same ids and keys,
        // so an instrument that already executed a step answers from its idempotency store.
        foreach (StartExperiment experiment in message.InFlight)
        {
            await StartExperimentAsync(context, experiment with { Timestamp = Now });
        }

        await context.TransitionToState(message.Paused ? Paused : Running);
        await AdvanceAsync(context);
    }

    async Task AcceptSuggestionsAsync(BehaviorContext<Campaign, ExperimentsSuggested> context)
    {
        ExperimentsSuggested message = context.Message;
        Campaign campaign = context.Saga;
        if (campaign.OutstandingRequestId != message.RequestId)
        {
            return; // an answer to a request made before a restart, or a re-delivery
        }

        await _journal.AppendAsync(JournalKinds.SuggestionsReceived, campaign.CorrelationId, null, message.RequestId.ToString("N"), message.Timestamp, message, context.CancellationToken);
        campaign.OutstandingRequestId = null;
        campaign.SuggestionCount += message.Suggestions.Count;
        campaign.Unstarted.AddRange(message.Suggestions);

        if (message.Suggestions.Count > 0)
        {
            campaign.UnstartedApproved = !campaign.Plan.RequireApproval;
        }

        if (message.Suggestions.Count == 0 && campaign.Unstarted.Count == 0)
        {
            // An empty answer is final only when the strategy saw everything there is to see: an experiment that
            // finished while the request was out may give a history-driven strategy (adaptive scans, a GA waiting
            // for its generation) new points, so the campaign asks again instead of stopping; with experiments
            // still in flight it waits for the next one to finish rather than asking again at once.
            if (campaign.Observations.Count > campaign.ObservationsAtRequest)
            {
                await AdvanceAsync(context);
                return;
            }

            if (campaign.InFlight.Count > 0)
            {
                campaign.AwaitingFinish = true;
            }
            else
            {
                campaign.StopReason ??= "the strategy has no more points to suggest";
            }
        }

        await AdvanceAsync(context);
    }

    async Task ApproveAsync(BehaviorContext<Campaign, ApproveSuggestions> context)
    {
        Campaign campaign = context.Saga;
        await _journal.AppendAsync(JournalKinds.SuggestionsApproved, campaign.CorrelationId, null, context.Message.IdempotencyKey, context.Message.Timestamp, context.Message, context.CancellationToken);
        campaign.UnstartedApproved = context.Message.Approved;
        if (!context.Message.Approved)
        {
            await DiscardUnstartedAsync(context, $"rejected by {Reason(context.Message.ApprovedBy, "a human")}", context.Message.IdempotencyKey);
        }

        await context.TransitionToState(Running);
        await AdvanceAsync(context);
    }

    async Task FinishedAsync<T>(BehaviorContext<Campaign, T> context, Observation observation)
        where T : class
    {
        // The experiment saga journaled the outcome before publishing it; here it only counts.
        if (CampaignProgress.RecordFinished(context.Saga, observation))
        {
            await AdvanceAsync(context);
        }
    }

    async Task ControlAsync<T>(BehaviorContext<Campaign, T> context, string kind, string key, T payload)
        where T : class
    {
        await _journal.AppendAsync(kind, context.Saga.CorrelationId, null, key, Now, payload, context.CancellationToken);
    }

    /// <summary>The one place that decides what happens next after anything changed.</summary>
    async Task AdvanceAsync<T>(BehaviorContext<Campaign, T> context)
        where T : class
    {
        Campaign campaign = context.Saga;
        if (CampaignProgress.FaultPolicyBreached(campaign, out string policyReason))
        {
            await EndAsync(context, CampaignOutcome.Faulted, policyReason);
            return;
        }

        if (IsIn(context, Pausing) && campaign.InFlight.Count == 0)
        {
            var paused = new CampaignPaused { CampaignId = campaign.CorrelationId, Timestamp = Now, Reason = "pause requested" };
            await _journal.AppendAsync(JournalKinds.CampaignPaused, campaign.CorrelationId, null, $"{campaign.ControlKey}/paused", paused.Timestamp, paused, context.CancellationToken);
            await context.Publish(paused);
            await context.TransitionToState(Paused);
            return;
        }

        if (IsIn(context, Halting) && campaign.InFlight.Count == 0)
        {
            await EndAsync(context, CampaignOutcome.Halted, campaign.HaltReason.Length > 0 ? $"halted ({campaign.HaltReason}); resumable with `autolab resume`" : "halted; resumable with `autolab resume`");
            return;
        }

        if (!IsIn(context, Running))
        {
            return;
        }

        if (CampaignProgress.IsFinished(campaign))
        {
            await EndAsync(context, CampaignOutcome.Completed, CampaignProgress.FinishReason(campaign));
            return;
        }

        if (campaign.Unstarted.Count > 0 && !campaign.UnstartedApproved)
        {
            var waiting = new SuggestionsAwaitingApproval { CampaignId = campaign.CorrelationId, Timestamp = Now, Suggestions = [.. campaign.Unstarted] };
            // Every entry into AwaitingApproval is journaled (after a pause, a resume or a restart too), so
            // the journal alone tells `autolab pending` which batch waits; the key still dedupes re-deliveries.
            campaign.ApprovalRequests++;
            string key = $"{campaign.CorrelationId:N}/approval/{campaign.SuggestionCount}/{campaign.ApprovalRequests}{campaign.ApprovalScope}";
            await _journal.AppendAsync(JournalKinds.ApprovalRequested, campaign.CorrelationId, null, key, Now, waiting, context.CancellationToken);
            await context.Publish(waiting);
            await context.TransitionToState(AwaitingApproval);
            return;
        }

        foreach (StartExperiment start in CampaignProgress.TakeStartable(campaign, Now))
        {
            await StartExperimentAsync(context, start);
        }

        int wanted = CampaignProgress.SuggestionsWanted(campaign);
        if (wanted > 0)
        {
            SuggestExperiments request = CampaignProgress.NextRequest(campaign, wanted, Now);
            await _journal.AppendAsync(JournalKinds.SuggestionsRequested, campaign.CorrelationId, null, request.IdempotencyKey, request.Timestamp, request with { History = [] }, context.CancellationToken);
            ISendEndpoint endpoint = await context.GetSendEndpoint(SuggestionQueue);
            await endpoint.Send(request, context.CancellationToken);
        }
    }

    /// <summary>Hands an experiment to the experiment saga: sent to this process's own queue when scoped, else published.</summary>
    async Task StartExperimentAsync<T>(BehaviorContext<Campaign, T> context, StartExperiment start)
        where T : class
    {
        if (_experimentQueue is null)
        {
            await context.Publish(start);
            return;
        }

        ISendEndpoint endpoint = await context.GetSendEndpoint(_experimentQueue);
        await endpoint.Send(start, context.CancellationToken);
    }

    async Task EndAsync<T>(BehaviorContext<Campaign, T> context, CampaignOutcome outcome, string reason)
        where T : class
    {
        Campaign campaign = context.Saga;
        if (outcome != CampaignOutcome.Halted && campaign.Unstarted.Count > 0)
        {
            await DiscardUnstartedAsync(context, $"campaign {outcome.ToString().ToLowerInvariant()}", $"{campaign.CorrelationId:N}/ended/{outcome}");
        }

        var ended = new CampaignEnded
        {
            CampaignId = campaign.CorrelationId,
            Timestamp = Now,
            Outcome = outcome,
            Reason = reason,
            Completed = campaign.CompletedCount,
            Faulted = campaign.FaultedCount,
        };
        await _journal.AppendAsync(JournalKinds.CampaignEnded, campaign.CorrelationId, null, outcome == CampaignOutcome.Halted ? $"{campaign.ControlKey}/halted" : $"{campaign.CorrelationId:N}/ended/{campaign.Started}/{outcome}", ended.Timestamp, ended, context.CancellationToken);
        await context.Publish(ended);
        await context.TransitionToState(outcome switch
        {
            CampaignOutcome.Completed => Completed,
            CampaignOutcome.Halted => Halted,
            CampaignOutcome.Aborted => Aborted,
            _ => Faulted,
        });
    }

    async Task DiscardUnstartedAsync<T>(BehaviorContext<Campaign, T> context, string reason, string key)
        where T : class
    {
        Campaign campaign = context.Saga;
        var discarded = new SuggestionsDiscarded { CampaignId = campaign.CorrelationId, Count = campaign.Unstarted.Count, Reason = reason, Timestamp = Now };
        await _journal.AppendAsync(JournalKinds.SuggestionsDiscarded, campaign.CorrelationId, null, $"{key}/discarded", Now, discarded, context.CancellationToken);
        campaign.Unstarted.Clear();
    }

    static Observation FaultedObservation(ExperimentFaulted message) => new()
    {
        ExperimentId = message.ExperimentId,
        Sequence = message.Sequence,
        Parameters = message.Parameters,
        Succeeded = false,
    };

    static bool IsIn<T>(BehaviorContext<Campaign, T> context, params State[] states)
        where T : class =>
        states.Any(s => s.Name == context.Saga.CurrentState);

    static string Reason(string given, string fallback) => string.IsNullOrWhiteSpace(given) ? fallback : given;

    DateTimeOffset Now => _clock.GetUtcNow();
}
