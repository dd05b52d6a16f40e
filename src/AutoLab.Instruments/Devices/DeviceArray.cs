namespace AutoLab.Instruments.Devices;

/// <summary>A one-dimensional array read from a device, with an optional axis (e.g. intensity against 2θ).</summary>
public sealed record DeviceArray
{
    /// <summary>The values, in the units of the key's description.</summary>
    public required IReadOnlyList<double> Values { get; init; }

    /// <summary>Axis coordinate of each value (same length as <see cref="Values"/>), or null for a plain index.</summary>
    public IReadOnlyList<double>? Axis { get; init; }

    /// <summary>Name of the axis, e.g. "two_theta"; used as the first column's header.</summary>
    public string AxisName { get; init; } = "index";

    /// <summary>Unit symbol of the axis, e.g. "deg".</summary>
    public string AxisUnits { get; init; } = "";
}
