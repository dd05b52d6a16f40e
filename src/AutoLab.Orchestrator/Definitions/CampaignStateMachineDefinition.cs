using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Hosting;
using AutoLab.Orchestrator.StateMachines;
using MassTransit;

namespace AutoLab.Orchestrator.Definitions;

/// <summary>Endpoint and middleware for the campaign saga.</summary>
public sealed class CampaignStateMachineDefinition : SagaDefinition<Campaign>
{
    /// <summary>The queue the campaign saga listens on (suffixed with the <see cref="BusScope"/> when scoped).</summary>
    public const string QueueName = "campaign";

    readonly BusScope _scope;

    /// <summary>Names the endpoint and bounds concurrency (one campaign instance is serialised by its repository anyway).</summary>
    /// <param name="scope">This process's bus scope; <see cref="BusScope.None"/> keeps the fixed name.</param>
    public CampaignStateMachineDefinition(BusScope scope)
    {
        _scope = scope;
        Endpoint(e => e.Name = scope.Queue(QueueName));
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
        if (_scope.Name is not null)
        {
            // A scoped queue serves this process only: the broker removes it when the process disconnects.
            BusScope.MakeAutoDelete(endpointConfigurator);
            sagaConfigurator.Message<StartCampaign>(m => m.UseFilter(new ForeignCampaignFilter<StartCampaign>(_scope, s => s.CampaignId)));
            sagaConfigurator.Message<RecoverCampaign>(m => m.UseFilter(new ForeignCampaignFilter<RecoverCampaign>(_scope, r => r.CampaignId)));
        }
    }
}
