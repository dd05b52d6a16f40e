using System.Diagnostics.CodeAnalysis;

namespace AutoLab.Instruments.Hosting;

/// <summary>The instruments this process hosts, by case-sensitive name.</summary>
/// <remarks>Filled at start-up (<c>AddAutoLabInstruments</c>) and read by the host and the endpoint configuration; safe to read from several threads.</remarks>
public sealed class InstrumentRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _byName = new(StringComparer.Ordinal);
    private readonly List<InstrumentDescriptor> _ordered = [];

    /// <summary>Registered instruments, in registration order.</summary>
    public IReadOnlyList<InstrumentDescriptor> Instruments
    {
        get
        {
            lock (_gate)
            {
                return [.. _ordered];
            }
        }
    }

    /// <summary>Adds an instrument.</summary>
    /// <param name="descriptor">The instrument; validated here.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentException">The descriptor is invalid.</exception>
    /// <exception cref="InvalidOperationException">An instrument with the same name is already registered.</exception>
    public InstrumentRegistry Register(InstrumentDescriptor descriptor)
    {
        descriptor.Validate();
        var envelope = new SafetyEnvelope(descriptor.Name, descriptor.Envelope, descriptor.Units);
        lock (_gate)
        {
            if (!_byName.TryAdd(descriptor.Name, new Entry(descriptor, envelope)))
            {
                throw new InvalidOperationException($"instrument '{descriptor.Name}' is already registered; instrument names must be unique");
            }

            _ordered.Add(descriptor);
        }

        return this;
    }

    /// <summary>Whether an instrument with exactly this name is registered.</summary>
    /// <param name="name">Instrument name (case-sensitive).</param>
    /// <returns>True when registered.</returns>
    public bool Contains(string name)
    {
        lock (_gate)
        {
            return _byName.ContainsKey(name);
        }
    }

    /// <summary>Looks up an instrument.</summary>
    /// <param name="name">Instrument name (case-sensitive).</param>
    /// <param name="descriptor">The instrument, when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGet(string name, [NotNullWhen(true)] out InstrumentDescriptor? descriptor)
    {
        lock (_gate)
        {
            descriptor = _byName.TryGetValue(name, out var entry) ? entry.Descriptor : null;
            return descriptor is not null;
        }
    }

    /// <summary>Looks up an instrument that must exist.</summary>
    /// <param name="name">Instrument name (case-sensitive).</param>
    /// <returns>The instrument.</returns>
    /// <exception cref="KeyNotFoundException">No instrument has this name; the message lists the registered ones.</exception>
    public InstrumentDescriptor Get(string name) => GetEntry(name).Descriptor;

    /// <summary>The safety envelope of an instrument.</summary>
    /// <param name="name">Instrument name (case-sensitive).</param>
    /// <returns>The envelope (possibly without limits).</returns>
    /// <exception cref="KeyNotFoundException">No instrument has this name.</exception>
    public SafetyEnvelope EnvelopeFor(string name) => GetEntry(name).Envelope;

    /// <summary>Describes why a name was not found: the name and the registered names.</summary>
    /// <param name="name">The name looked up.</param>
    /// <returns>A message for errors and faults.</returns>
    public string DescribeUnknown(string name)
    {
        var known = Instruments.Select(d => d.Name).ToList();
        return known.Count == 0
            ? $"instrument '{name}' is not registered here; no instruments are registered"
            : $"instrument '{name}' is not registered here; registered: {string.Join(", ", known)} (names are case-sensitive)";
    }

    private Entry GetEntry(string name)
    {
        lock (_gate)
        {
            if (_byName.TryGetValue(name, out var entry))
            {
                return entry;
            }
        }

        throw new KeyNotFoundException(DescribeUnknown(name));
    }

    private sealed record Entry(InstrumentDescriptor Descriptor, SafetyEnvelope Envelope);
}
