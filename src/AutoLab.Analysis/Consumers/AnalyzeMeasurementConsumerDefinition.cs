using MassTransit;

namespace AutoLab.Analysis.Consumers;

/// <summary>
/// Puts <see cref="AnalyzeMeasurementConsumer"/> on the <see cref="AnalysisEndpoints.QueueName"/> queue, so
/// <c>ConfigureEndpoints</c> creates that queue on any transport.
/// </summary>
public sealed class AnalyzeMeasurementConsumerDefinition : ConsumerDefinition<AnalyzeMeasurementConsumer>
{
    /// <summary>Sets the endpoint name.</summary>
    public AnalyzeMeasurementConsumerDefinition()
    {
        EndpointName = AnalysisEndpoints.QueueName;
    }
}
