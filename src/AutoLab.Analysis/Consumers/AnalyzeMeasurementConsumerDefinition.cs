using AutoLab.Analysis.Pipeline;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoLab.Analysis.Consumers;

/// <summary>
/// Puts <see cref="AnalyzeMeasurementConsumer"/> on the <see cref="AnalysisEndpoints.QueueName"/> queue, so
/// <c>ConfigureEndpoints</c> creates that queue on any transport, with <see cref="AnalysisOptions.Workers"/>
/// analyses at once.
/// </summary>
/// <remarks>
/// Several processes consuming the same RabbitMQ queue are competing consumers: the broker hands each message to one
/// of them. The prefetch equals the workers, so a busy process holds no more messages than it can run and an idle
/// one takes the next.
/// </remarks>
public sealed class AnalyzeMeasurementConsumerDefinition : ConsumerDefinition<AnalyzeMeasurementConsumer>
{
    /// <summary>Sets the endpoint name.</summary>
    public AnalyzeMeasurementConsumerDefinition()
    {
        EndpointName = AnalysisEndpoints.QueueName;
    }

    /// <inheritdoc/>
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AnalyzeMeasurementConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        int workers = context.GetService<IOptions<AnalysisOptions>>()?.Value.Workers ?? 0;
        if (workers > 0)
        {
            endpointConfigurator.ConcurrentMessageLimit = workers;
            endpointConfigurator.PrefetchCount = workers;
        }
    }
}
