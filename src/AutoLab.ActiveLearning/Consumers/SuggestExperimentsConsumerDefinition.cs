using MassTransit;

namespace AutoLab.ActiveLearning.Consumers;

/// <summary>
/// Puts <see cref="SuggestExperimentsConsumer"/> on the <see cref="ActiveLearningEndpoints.QueueName"/>
/// queue, so <c>ConfigureEndpoints</c> creates that queue on any transport.
/// </summary>
public sealed class SuggestExperimentsConsumerDefinition : ConsumerDefinition<SuggestExperimentsConsumer>
{
    /// <summary>Sets the endpoint name.</summary>
    public SuggestExperimentsConsumerDefinition()
    {
        EndpointName = ActiveLearningEndpoints.QueueName;
    }
}
