using AutoLab.Instruments.Devices;

namespace AutoLab.Instruments.Tests.Doubles;

/// <summary>How a <see cref="RecordingDevice"/> behaves.</summary>
public sealed record DeviceBehaviour
{
    /// <summary>When set, the device's check refuses every point with this reason.</summary>
    public string? RefuseCheckWith { get; init; }

    /// <summary>When set, the device throws <see cref="ExceptionToThrow"/> in this phase ("configure", "stage", "set", "trigger", "read", "unstage").</summary>
    public string? ThrowIn { get; init; }

    public Exception ExceptionToThrow { get; init; } = new InvalidOperationException("motor stalled");

    /// <summary>What read returns.</summary>
    public DeviceReading Reading { get; init; } = new() { Values = new Dictionary<string, double> { ["y"] = 1.5 } };

    /// <summary>When set, trigger waits for this task (or for cancellation).</summary>
    public Task? TriggerGate { get; init; }
}
