using AutoLab.Analysis.Consumers;
using MassTransit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the analysis consumer into a MassTransit bus (in-memory or RabbitMQ).</summary>
public static class AnalysisBusExtensions
{
    /// <summary>
    /// Adds <see cref="AnalyzeMeasurementConsumer"/> with its definition, whose endpoint is
    /// <see cref="AnalysisEndpoints.QueueName"/>, and the services it needs
    /// (<see cref="AnalysisServiceCollectionExtensions.AddAutoLabAnalysis"/>).
    /// </summary>
    /// <param name="configurator">The bus registration inside <c>AddMassTransit</c>.</param>
    /// <returns>The same configurator.</returns>
    /// <remarks>
    /// With <c>cfg.ConfigureEndpoints(context)</c> the "analysis" queue is created automatically; to configure
    /// it by hand instead, call <see cref="ConfigureAutoLabAnalysisEndpoint"/>.
    /// </remarks>
    public static IBusRegistrationConfigurator AddAutoLabAnalysisConsumers(this IBusRegistrationConfigurator configurator)
    {
        configurator.AddAutoLabAnalysis();
        configurator.AddConsumer<AnalyzeMeasurementConsumer, AnalyzeMeasurementConsumerDefinition>();
        return configurator;
    }

    /// <summary>Creates the "analysis" receive endpoint and puts the consumer on it.</summary>
    /// <param name="configurator">The transport's bus configurator (<c>cfg</c> in <c>UsingInMemory</c> or <c>UsingRabbitMq</c>).</param>
    /// <param name="context">The registration context passed to the <c>Using…</c> callback.</param>
    /// <param name="configure">Optional further endpoint settings (concurrency, prefetch).</param>
    public static void ConfigureAutoLabAnalysisEndpoint(
        this IReceiveConfigurator configurator,
        IBusRegistrationContext context,
        Action<IReceiveEndpointConfigurator>? configure = null)
    {
        configurator.ReceiveEndpoint(AnalysisEndpoints.QueueName, endpoint =>
        {
            configure?.Invoke(endpoint);
            endpoint.ConfigureConsumer<AnalyzeMeasurementConsumer>(context);
        });
    }
}
