namespace AutoLab.Instruments.Devices;

/// <summary>Describes one key of a <see cref="DeviceReading"/>, as a Bluesky event descriptor's data key does.</summary>
public sealed record DataKeyDescription
{
    /// <summary>JSON-schema-like type of the value: "number", "integer", "string" or "array".</summary>
    public required string Dtype { get; init; }

    /// <summary>Array dimensions; empty for a scalar.</summary>
    public IReadOnlyList<int> Shape { get; init; } = [];

    /// <summary>Unit symbol of the value (e.g. "counts", "mm", "1/m^2"); empty when dimensionless.</summary>
    public string Units { get; init; } = "";

    /// <summary>Where the value comes from (e.g. "sim:branin", "process:/opt/xrd/measure.py").</summary>
    public string Source { get; init; } = "";
}
