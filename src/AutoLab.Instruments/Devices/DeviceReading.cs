using AutoLab.Contracts;

namespace AutoLab.Instruments.Devices;

/// <summary>What one read of a device returned.</summary>
/// <remarks>
/// Scalars travel inline in the completion message. Arrays are written by the host to files in the
/// command's data directory and travel by reference (claim check); <see cref="Files"/> are files the
/// device already wrote itself.
/// </remarks>
public sealed record DeviceReading
{
    /// <summary>An empty reading, for devices that have nothing to report.</summary>
    public static DeviceReading Empty { get; } = new();

    /// <summary>Scalar values by key; their units are in the device's description.</summary>
    public IReadOnlyDictionary<string, double> Values { get; init; } = new Dictionary<string, double>();

    /// <summary>Array values by key (patterns, spectra), written to files by the host.</summary>
    public IReadOnlyDictionary<string, DeviceArray> Arrays { get; init; } = new Dictionary<string, DeviceArray>();

    /// <summary>Files the device wrote itself, by reference.</summary>
    public IReadOnlyList<DataReference> Files { get; init; } = [];

    /// <summary>Identifier of the sample the device produced or measured, when it names one.</summary>
    public string? SampleId { get; init; }
}
