using AutoLab.Contracts.Orchestration;

namespace AutoLab.Instruments.Hosting;

/// <summary>An instrument as the host knows it: its name, what it serves, how many commands it runs at once, its limits and how to make its device.</summary>
/// <remarks>
/// <seealso cref="InstrumentRegistry"/> holds descriptors; <seealso cref="InstrumentHost"/> runs commands on
/// the devices <see cref="DeviceFactory"/> makes.
/// </remarks>
public sealed record InstrumentDescriptor
{
    /// <summary>Longest name accepted, so that the queue name stays within broker limits.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Unique, case-sensitive name; the instrument's queue is <c>instrument.{Name}</c>. Letters, digits, '.', '-' and '_' only.</summary>
    public required string Name { get; init; }

    /// <summary>The steps this instrument serves.</summary>
    public required InstrumentCapabilities Capabilities { get; init; }

    /// <summary>Most commands the instrument runs at once; the host keeps this many device instances. One measurement at a time unless declared otherwise.</summary>
    public int Capacity { get; init; } = 1;

    /// <summary>Safety limits on numeric parameters; every limit must name this instrument.</summary>
    public IReadOnlyList<EnvelopeLimit> Envelope { get; init; } = [];

    /// <summary>Unit symbols of parameters by name, used in refusal messages (e.g. "k2_sf" → "1/m^3").</summary>
    public IReadOnlyDictionary<string, string> Units { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Makes one device instance; called up to <see cref="Capacity"/> times. The object implements the
    /// device interfaces it supports (<see cref="Devices.IReadable"/>, <see cref="Devices.IMovable{T}"/> of
    /// <see cref="AutoLab.Contracts.ParameterPoint"/>, ...).
    /// </summary>
    public required Func<IServiceProvider, object> DeviceFactory { get; init; }

    /// <summary>
    /// Longest time one command may take on the device, or null for no limit. Past it the host stops the
    /// device, discards the instance and reports a timeout, so a hung device does not hold its lease forever.
    /// </summary>
    public TimeSpan? OperationTimeout { get; init; }

    /// <summary>Free text for listings.</summary>
    public string Description { get; init; } = "";

    /// <summary>Checks the descriptor and throws an <see cref="ArgumentException"/> naming the first problem.</summary>
    /// <exception cref="ArgumentException">A field is invalid.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("instrument name is empty", nameof(Name));
        }

        if (Name.Length > MaxNameLength || !Name.All(IsNameCharacter))
        {
            throw new ArgumentException(
                $"instrument name '{Name}' is invalid: use at most {MaxNameLength} letters, digits, '.', '-' or '_'",
                nameof(Name));
        }

        if (Capabilities == InstrumentCapabilities.None
            || (Capabilities & ~(InstrumentCapabilities.Prepare | InstrumentCapabilities.Measure)) != 0)
        {
            throw new ArgumentException($"instrument '{Name}': capabilities must be Prepare, Measure or both, not {Capabilities}", nameof(Capabilities));
        }

        if (Capacity < 1)
        {
            throw new ArgumentException($"instrument '{Name}': capacity must be at least 1, not {Capacity}", nameof(Capacity));
        }

        if (OperationTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"instrument '{Name}': operation timeout must be positive, not {timeout}", nameof(OperationTimeout));
        }

        // Building the envelope validates each limit (instrument name, NaN bounds, minimum above maximum).
        _ = new SafetyEnvelope(Name, Envelope, Units);
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';
}
