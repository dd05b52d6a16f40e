using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Hosting;
using AutoLab.Orchestrator.StateMachines;
using MassTransit;

namespace AutoLab.Orchestrator.Definitions;

/// <summary>Endpoint and middleware for the experiment saga.</summary>
public sealed class ExperimentCycleStateMachineDefinition : SagaDefinition<ExperimentCycle>
{
    /// <summary>The queue the experiment saga listens on (suffixed with the <see cref="BusScope"/> when scoped).</summary>
    public const string QueueName = "experiment";

    readonly BusScope _scope;

    /// <summary>Names the endpoint; experiments are independent, so many run concurrently.</summary>
    /// <param name="scope">This process's bus scope; <see cref="BusScope.None"/> keeps the fixed name.</param>
    public ExperimentCycleStateMachineDefinition(BusScope scope)
    {
        _scope = scope;
        Endpoint(e => e.Name = scope.Queue(QueueName));
        ConcurrentMessageLimit = 64;
    }

    /// <inheritdoc />
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<ExperimentCycle> sagaConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(50, 200, 1000, 5000));
        endpointConfigurator.UseInMemoryOutbox(context);
        if (_scope.Name is not null)
        {
            // A scoped queue serves this process only: the broker removes it when the process disconnects.
            BusScope.MakeAutoDelete(endpointConfigurator);
            // The campaign saga sends StartExperiment here, but calibration measurements still publish it.
            sagaConfigurator.Message<StartExperiment>(m => m.UseFilter(new ForeignCampaignFilter<StartExperiment>(_scope, s => s.CampaignId)));
        }
    }
}
