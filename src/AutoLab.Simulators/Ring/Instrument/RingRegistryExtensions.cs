using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AutoLab.Simulators.Ring.Instrument;

/// <summary>Registers a <see cref="RingInstrument"/> in an <see cref="InstrumentRegistry"/>, its power-supply limits as the safety envelope.</summary>
public static class RingRegistryExtensions
{
    /// <summary>Default instrument name of the storage-ring simulator.</summary>
    public const string DefaultName = "storage-ring";

    /// <summary>Registers a storage-ring instrument; its devices get the container's <see cref="TimeProvider"/> or the system clock.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="name">Instrument name.</param>
    /// <param name="options">Lattice, knobs, scan and behaviour; validated here.</param>
    /// <returns>The registry, for chaining.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static InstrumentRegistry AddRingInstrument(this InstrumentRegistry registry, string name = DefaultName, RingSimulatorOptions? options = null)
    {
        options ??= new RingSimulatorOptions();
        options.Validate();
        IReadOnlyList<RingKnob> knobs = options.EffectiveKnobs();
        return registry.Register(new InstrumentDescriptor
        {
            Name = name,
            Capabilities = options.Capabilities,
            Capacity = options.Capacity,
            OperationTimeout = options.OperationTimeout,
            Envelope = [.. knobs.Select(k => new EnvelopeLimit { Instrument = name, Parameter = k.Parameter, Minimum = k.Minimum, Maximum = k.Maximum })],
            Units = knobs.ToDictionary(k => k.Parameter, _ => RingKnob.Unit, StringComparer.Ordinal),
            DeviceFactory = services => new RingInstrument(options, services.GetService<TimeProvider>()),
            Description = $"storage ring '{(options.Lattice?.Name ?? "DBA")}': knobs {string.Join(", ", knobs.Select(k => k.Parameter))}; measures dynamic aperture",
        });
    }
}
