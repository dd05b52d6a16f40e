using AutoLab.Orchestrator.StateMachines;
using MassTransit;

namespace AutoLab.Orchestrator.Definitions;

/// <summary>Endpoint and middleware for the campaign saga.</summary>
public sealed class CampaignStateMachineDefinition : SagaDefinition<Campaign>
{
    /// <summary>The queue the campaign saga listens on.</summary>
    public const string QueueName = "campaign";

    /// <summary>Names the endpoint and bounds concurrency (one campaign instance is serialised by its repository anyway).</summary>
    public CampaignStateMachineDefinition()
    {
        Endpoint(e => e.Name = QueueName);
        ConcurrentMessageLimit = 16;
    }

    /// <inheritdoc />
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<Campaign> sagaConfigurator, IRegistrationContext context)
    {
        // Transient faults (a busy journal file, a broker hiccup) are retried; the in-memory outbox
        // holds outgoing messages until the saga's state change is saved, so a retried handler
        // does not send twice.
        endpointConfigurator.UseMessageRetry(r => r.Intervals(50, 200, 1000, 5000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
