using AutoLab.Instruments.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Simulators.Saxs;

/// <summary>Registers a <see cref="SaxsInstrument"/> in an <see cref="InstrumentRegistry"/>.</summary>
public static class SaxsRegistryExtensions
{
    /// <summary>Default instrument name of the SAXS/SANS simulator.</summary>
    public const string DefaultName = "saxs";

    /// <summary>
    /// Registers a simulated SAXS/SANS camera; its devices get the container's <see cref="TimeProvider"/>
    /// (for real-time latency) or <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <param name="registry">The registry.</param>
    /// <param name="name">Instrument name.</param>
    /// <param name="options">Defaults, capacity and capabilities; validated here.</param>
    /// <returns>The registry, for chaining.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static InstrumentRegistry AddSaxsInstrument(this InstrumentRegistry registry, string name = DefaultName, SaxsSimulatorOptions? options = null)
    {
        options ??= new SaxsSimulatorOptions();
        SaxsSimulatorOptionsValidator.ThrowIfInvalid(options);
        return registry.Register(new InstrumentDescriptor
        {
            Name = name,
            Capabilities = options.Capabilities,
            Capacity = options.Capacity,
            OperationTimeout = options.OperationTimeout,
            DeviceFactory = services => new SaxsInstrument(options, services.GetService<TimeProvider>()),
            Description = $"SAXS/SANS camera ({SaxsSettings.ModelNames}; solution or film samples)",
        });
    }
}
