using AutoLab.ActiveLearning.Consumers;
using MassTransit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the active-learning consumer into a MassTransit bus (in-memory or RabbitMQ).</summary>
public static class ActiveLearningBusExtensions
{
    /// <summary>
    /// Adds <see cref="SuggestExperimentsConsumer"/> with its definition, whose endpoint is
    /// <see cref="ActiveLearningEndpoints.QueueName"/>, and the services it needs
    /// (<see cref="ActiveLearningServiceCollectionExtensions.AddAutoLabActiveLearning"/>).
    /// </summary>
    /// <param name="configurator">The bus registration inside <c>AddMassTransit</c>.</param>
    /// <returns>The same configurator.</returns>
    /// <remarks>
    /// With <c>cfg.ConfigureEndpoints(context)</c> the "active-learning" queue is created automatically; to
    /// configure it by hand instead, call <see cref="ConfigureAutoLabActiveLearningEndpoint"/>.
    /// </remarks>
    public static IBusRegistrationConfigurator AddAutoLabActiveLearningConsumers(this IBusRegistrationConfigurator configurator)
    {
        configurator.AddAutoLabActiveLearning();
        configurator.AddConsumer<SuggestExperimentsConsumer, SuggestExperimentsConsumerDefinition>();
        return configurator;
    }

    /// <summary>Creates the "active-learning" receive endpoint and puts the consumer on it.</summary>
    /// <param name="configurator">The transport's bus configurator (<c>cfg</c> in <c>UsingInMemory</c> or <c>UsingRabbitMq</c>).</param>
    /// <param name="context">The registration context passed to the <c>Using…</c> callback.</param>
    /// <param name="configure">Optional further endpoint settings (concurrency, retry).</param>
    public static void ConfigureAutoLabActiveLearningEndpoint(
        this IReceiveConfigurator configurator,
        IBusRegistrationContext context,
        Action<IReceiveEndpointConfigurator>? configure = null)
    {
        configurator.ReceiveEndpoint(ActiveLearningEndpoints.QueueName, endpoint =>
        {
            configure?.Invoke(endpoint);
            endpoint.ConfigureConsumer<SuggestExperimentsConsumer>(context);
        });
    }
}
