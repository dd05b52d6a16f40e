using AutoLab.Contracts.Orchestration;
using MassTransit;

namespace AutoLab.Orchestrator.StateMachines;

/// <summary>State of one experiment saga (prepare → measure → analyze). Data only.</summary>
public sealed class ExperimentCycle : SagaStateMachineInstance
{
    /// <summary>The experiment id.</summary>
    public Guid CorrelationId { get; set; }

    /// <summary>Name of the current state.</summary>
    public string CurrentState { get; set; } = "";

    /// <summary>The command that started the experiment: parameters, steps, envelope, resume data.</summary>
    public StartExperiment Start { get; set; } = null!;

    /// <summary>Sample id from the prepare step, passed to the measure step.</summary>
    public string SampleId { get; set; } = "";

    /// <summary>The measurement, once it arrived.</summary>
    public CompletedMeasurement? Measurement { get; set; }

    /// <summary>1-based attempt of the current step.</summary>
    public int Attempt { get; set; } = 1;

    /// <summary>True while a retry of the current step is scheduled and not yet sent.</summary>
    public bool RetryScheduled { get; set; }
}
