using MassTransit;

namespace AutoLab.Orchestrator.Watch;

/// <summary>
/// Puts the watcher on a temporary endpoint, so on RabbitMQ each CLI process gets its own
/// auto-deleted queue with copies of the campaign's events.
/// </summary>
public sealed class CampaignWatchConsumerDefinition : ConsumerDefinition<CampaignWatchConsumer>
{
    /// <summary>Configures a temporary, uniquely named endpoint.</summary>
    public CampaignWatchConsumerDefinition()
    {
        Endpoint(e =>
        {
            e.Name = $"autolab-watch-{Environment.ProcessId}-{Guid.NewGuid():N}";
            e.Temporary = true;
        });
    }
}
