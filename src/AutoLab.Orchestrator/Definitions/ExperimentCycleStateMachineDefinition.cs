using AutoLab.Orchestrator.StateMachines;
using MassTransit;

namespace AutoLab.Orchestrator.Definitions;

/// <summary>Endpoint and middleware for the experiment saga.</summary>
public sealed class ExperimentCycleStateMachineDefinition : SagaDefinition<ExperimentCycle>
{
    /// <summary>The queue the experiment saga listens on.</summary>
    public const string QueueName = "experiment";

    /// <summary>Names the endpoint; experiments are independent, so many run concurrently.</summary>
    public ExperimentCycleStateMachineDefinition()
    {
        Endpoint(e => e.Name = QueueName);
        ConcurrentMessageLimit = 64;
    }

    /// <inheritdoc />
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<ExperimentCycle> sagaConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(50, 200, 1000, 5000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
