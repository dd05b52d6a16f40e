using AutoLab.Instruments.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the instrument host.</summary>
public static class InstrumentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="InstrumentRegistry"/> (one per container; later calls add to it), the
    /// <see cref="InstrumentHost"/>, an <see cref="InMemoryIdempotencyStore"/> and <see cref="TimeProvider.System"/>
    /// unless an <see cref="IIdempotencyStore"/> or <see cref="TimeProvider"/> is already registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Registers instruments, e.g. <c>r =&gt; r.Register(descriptor)</c>.</param>
    /// <returns>The services, for chaining.</returns>
    /// <remarks>Also register the consumers with <c>AddAutoLabInstrumentConsumers</c> and the endpoints with <c>ConfigureAutoLabInstrumentEndpoints</c>.</remarks>
    public static IServiceCollection AddAutoLabInstruments(this IServiceCollection services, Action<InstrumentRegistry>? configure = null)
    {
        var registry = services
            .Where(d => d.ServiceType == typeof(InstrumentRegistry) && !d.IsKeyedService)
            .Select(d => d.ImplementationInstance)
            .OfType<InstrumentRegistry>()
            .FirstOrDefault();
        if (registry is null)
        {
            registry = new InstrumentRegistry();
            services.AddSingleton(registry);
        }

        configure?.Invoke(registry);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
        services.TryAddSingleton<InstrumentHost>();
        return services;
    }
}
