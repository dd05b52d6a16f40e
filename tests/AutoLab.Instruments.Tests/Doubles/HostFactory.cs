using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoLab.Instruments.Tests.Doubles;

/// <summary>Makes an <see cref="InstrumentHost"/> over recording devices, without a bus.</summary>
public static class HostFactory
{
    public static InstrumentDescriptor Recording(
        string name,
        DeviceLog log,
        DeviceBehaviour? behaviour = null,
        int capacity = 1,
        IReadOnlyList<EnvelopeLimit>? envelope = null,
        InstrumentCapabilities capabilities = InstrumentCapabilities.Prepare | InstrumentCapabilities.Measure,
        TimeSpan? operationTimeout = null) => new()
        {
            Name = name,
            Capabilities = capabilities,
            Capacity = capacity,
            Envelope = envelope ?? [],
            OperationTimeout = operationTimeout,
            DeviceFactory = _ => new RecordingDevice(log, behaviour),
        };

    public static InstrumentHost Create(TimeProvider? time = null, params InstrumentDescriptor[] instruments)
    {
        var registry = new InstrumentRegistry();
        foreach (var instrument in instruments)
        {
            registry.Register(instrument);
        }

        return new InstrumentHost(
            registry,
            new ServiceCollection().BuildServiceProvider(),
            time ?? TimeProvider.System,
            NullLogger<InstrumentHost>.Instance);
    }

    public static EnvelopeLimit Limit(string instrument, string parameter, double minimum, double maximum) => new()
    {
        Instrument = instrument,
        Parameter = parameter,
        Minimum = minimum,
        Maximum = maximum,
    };
}
