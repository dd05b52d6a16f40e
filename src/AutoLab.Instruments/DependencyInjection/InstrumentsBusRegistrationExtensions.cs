using AutoLab.Instruments.Hosting;
using MassTransit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the instrument consumers with MassTransit.</summary>
public static class InstrumentsBusRegistrationExtensions
{
    /// <summary>
    /// Adds <see cref="PrepareSampleConsumer"/> and <see cref="MeasureSampleConsumer"/>. They are excluded from
    /// <c>ConfigureEndpoints</c>; put them on their queues with <c>ConfigureAutoLabInstrumentEndpoints</c>.
    /// </summary>
    /// <param name="configurator">The bus registration (inside <c>AddMassTransit</c>).</param>
    /// <returns>The configurator, for chaining.</returns>
    public static IBusRegistrationConfigurator AddAutoLabInstrumentConsumers(this IBusRegistrationConfigurator configurator)
    {
        configurator.AddConsumer<PrepareSampleConsumer>();
        configurator.AddConsumer<MeasureSampleConsumer>();
        return configurator;
    }

    /// <summary>
    /// Creates one receive endpoint <c>instrument.{name}</c> per registered instrument, with a concurrent
    /// message limit and prefetch equal to its capacity and both consumers on it. Works for any transport
    /// (in-memory, RabbitMQ).
    /// </summary>
    /// <typeparam name="TEndpointConfigurator">The transport's receive endpoint configurator.</typeparam>
    /// <param name="configurator">The bus factory configurator (inside <c>UsingInMemory</c> / <c>UsingRabbitMq</c>).</param>
    /// <param name="context">The registration context the consumers come from.</param>
    /// <param name="registry">The instruments; resolved from <paramref name="context"/> when null.</param>
    /// <param name="scope">
    /// The orchestrator's scope: when given, the queues are <c>instrument.{name}.{scope}</c>
    /// (<see cref="InstrumentEndpoints.QueueName(string, string)"/>), private to this process on a shared broker.
    /// </param>
    /// <param name="configureEndpoint">Transport-specific settings applied to every instrument endpoint (e.g. auto-delete on RabbitMQ).</param>
    /// <remarks>
    /// The endpoints do not subscribe to the command types' publish topology: commands must be sent to
    /// <see cref="InstrumentEndpoints.Address(string)"/>, so one instrument never receives another's command.
    /// </remarks>
    public static void ConfigureAutoLabInstrumentEndpoints<TEndpointConfigurator>(
        this IReceiveConfigurator<TEndpointConfigurator> configurator,
        IRegistrationContext context,
        InstrumentRegistry? registry = null,
        string? scope = null,
        Action<TEndpointConfigurator>? configureEndpoint = null)
        where TEndpointConfigurator : IReceiveEndpointConfigurator
    {
        registry ??= context.GetRequiredService<InstrumentRegistry>();
        foreach (var instrument in registry.Instruments)
        {
            configurator.ReceiveEndpoint(InstrumentEndpoints.QueueName(instrument.Name, scope), endpoint =>
            {
                configureEndpoint?.Invoke(endpoint);
                endpoint.ConfigureConsumeTopology = false;
                endpoint.PrefetchCount = instrument.Capacity;
                endpoint.ConcurrentMessageLimit = instrument.Capacity;

                // Both consumers on every instrument queue: a command for a step the instrument does not
                // serve gets a clear Unavailable fault instead of landing in the skipped queue.
                endpoint.ConfigureConsumer<PrepareSampleConsumer>(context);
                endpoint.ConfigureConsumer<MeasureSampleConsumer>(context);
            });
        }
    }
}
