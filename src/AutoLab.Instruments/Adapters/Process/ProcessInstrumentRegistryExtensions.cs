using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;

namespace AutoLab.Instruments.Adapters.Process;

/// <summary>Registers a <see cref="ProcessInstrument"/> in one line.</summary>
public static class ProcessInstrumentRegistryExtensions
{
    // The host's own time limit is a safety net behind the process timeout, which reports the clearer error.
    private static readonly TimeSpan HostGrace = TimeSpan.FromSeconds(30);

    /// <summary>Registers an instrument whose device runs the given command.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="name">Instrument name.</param>
    /// <param name="options">What to run; validated here.</param>
    /// <param name="capabilities">Steps served; measure by default.</param>
    /// <param name="capacity">Processes allowed to run at once.</param>
    /// <param name="envelope">Safety limits; each must name <paramref name="name"/>.</param>
    /// <returns>The registry, for chaining.</returns>
    public static InstrumentRegistry AddProcessInstrument(
        this InstrumentRegistry registry,
        string name,
        ProcessInstrumentOptions options,
        InstrumentCapabilities capabilities = InstrumentCapabilities.Measure,
        int capacity = 1,
        IReadOnlyList<EnvelopeLimit>? envelope = null)
    {
        ProcessInstrumentOptionsValidator.ThrowIfInvalid(options, name);
        return registry.Register(new InstrumentDescriptor
        {
            Name = name,
            Capabilities = capabilities,
            Capacity = capacity,
            Envelope = envelope ?? [],
            OperationTimeout = options.Timeout + HostGrace,
            DeviceFactory = _ => new ProcessInstrument(options),
            Description = $"process: {options.Executable} {string.Join(' ', options.Arguments)}".TrimEnd(),
        });
    }
}
