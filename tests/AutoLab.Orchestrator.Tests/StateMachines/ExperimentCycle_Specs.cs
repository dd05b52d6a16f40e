using AutoLab.Orchestrator.StateMachines;
using MassTransit.Testing;

namespace AutoLab.Orchestrator.Tests.StateMachines;

/// <summary>
/// Behaviour of the experiment saga (<see cref="ExperimentCycleStateMachine"/>), one situation per nested
/// fixture, against the transition table in docs/state-machines.md. The test plays the instruments and the
/// analysis service: it reads the commands the saga sent and publishes their answers.
/// </summary>
public static partial class ExperimentCycle_Specs
{
    static ISagaStateMachineTestHarness<ExperimentCycleStateMachine, ExperimentCycle> Saga(SagaBus bus) =>
        bus.Harness.GetSagaStateMachineHarness<ExperimentCycleStateMachine, ExperimentCycle>();

    /// <summary>Waits until the experiment's instance is gone (finalized); true when it went.</summary>
    static async Task<bool> FinalizedAsync(SagaBus bus, Guid experimentId) =>
        await Saga(bus).NotExists(experimentId, TimeSpan.FromSeconds(5)) is null;

    /// <summary>The state the experiment's instance is in now ("Final" once finalized).</summary>
    static string? StateOf(SagaBus bus, Guid experimentId) =>
        Saga(bus).Sagas.Contains(experimentId)?.CurrentState;
}
