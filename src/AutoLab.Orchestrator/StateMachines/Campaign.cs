using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using MassTransit;

namespace AutoLab.Orchestrator.StateMachines;

/// <summary>State of one campaign saga. Data only; the rules live in <see cref="CampaignProgress"/>.</summary>
public sealed class Campaign : SagaStateMachineInstance
{
    /// <summary>The campaign id.</summary>
    public Guid CorrelationId { get; set; }

    /// <summary>Name of the current state.</summary>
    public string CurrentState { get; set; } = "";

    /// <summary>The compiled campaign spec.</summary>
    public CampaignPlan Plan { get; set; } = null!;

    /// <summary>Absolute folder for large data.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Finished experiments (completed and faulted), in the order they finished.</summary>
    public List<Observation> Observations { get; set; } = [];

    /// <summary>Experiments in flight: id to the point being run.</summary>
    public Dictionary<Guid, ParameterPoint> InFlight { get; set; } = [];

    /// <summary>Suggestions received but not started yet, in order.</summary>
    public List<ParameterPoint> Unstarted { get; set; } = [];

    /// <summary>Experiments started so far (the next one gets sequence Started + 1).</summary>
    public int Started { get; set; }

    /// <summary>Suggested points received so far, including discarded ones.</summary>
    public int SuggestionCount { get; set; }

    /// <summary>The suggestion request awaiting an answer, if any.</summary>
    public Guid? OutstandingRequestId { get; set; }

    /// <summary>Experiments that completed.</summary>
    public int CompletedCount { get; set; }

    /// <summary>Experiments that faulted.</summary>
    public int FaultedCount { get; set; }

    /// <summary>Best value of the first objective so far, in its direction.</summary>
    public double? BestValue { get; set; }

    /// <summary>Completed experiments since the best value last improved.</summary>
    public int SinceImprovement { get; set; }

    /// <summary>False while the unstarted suggestions wait for a human (only when the plan requires approval).</summary>
    public bool UnstartedApproved { get; set; }

    /// <summary>Times this instance asked for approval; with <see cref="ApprovalScope"/> it keys each ApprovalRequested entry.</summary>
    public int ApprovalRequests { get; set; }

    /// <summary>"" for a fresh start, the recovery's key after a recovery, so a request after a restart never reuses an earlier key.</summary>
    public string ApprovalScope { get; set; } = "";

    /// <summary>Idempotency key of the last pause or halt request; keys the CampaignPaused / Halted entries it leads to.</summary>
    public string ControlKey { get; set; } = "";

    /// <summary>Reason of the last halt request (e.g. the beamtime window's end), stated in the Halted outcome.</summary>
    public string HaltReason { get; set; } = "";

    /// <summary>Set when a termination condition is met: start nothing more, finish when drained.</summary>
    public string? StopReason { get; set; }

    /// <summary>Observations the outstanding suggestion request was sent with; an empty answer only ends the campaign when none has arrived since.</summary>
    public int ObservationsAtRequest { get; set; }

    /// <summary>The strategy answered with no points while experiments were in flight: ask again only when one finishes, not at once.</summary>
    public bool AwaitingFinish { get; set; }
}
