namespace AutoLab.Instruments.Devices;

/// <summary>
/// Lets a device that keeps its own clock (a simulator in a virtual-clock dry run) tell the host how much
/// instrument time the current command took, without a member on the device interfaces.
/// </summary>
/// <remarks>
/// The host opens a <see cref="DeviceTimeScope"/> with <see cref="Begin"/> around each command; the device's
/// code, running in the same asynchronous flow, calls <see cref="Report"/> for each span it spends. The host
/// then states the reported time as the step's duration (<c>MeasurementCompleted.DurationSeconds</c>)
/// instead of the host time the command took, so a dry run's journal holds the simulated beam time. A device
/// that reports nothing (real hardware, real-time waits) keeps the host's measured duration.
/// An ambient scope rather than a device member because the time is spent deep inside the simulators'
/// shared behaviour, which every simulator already calls.
/// </remarks>
public static class DeviceTime
{
    private static readonly AsyncLocal<DeviceTimeScope?> Current = new();

    /// <summary>Opens a scope that collects the time reported by code running in this asynchronous flow.</summary>
    /// <returns>The scope; dispose it when the command ends.</returns>
    public static DeviceTimeScope Begin()
    {
        var scope = new DeviceTimeScope(Current.Value);
        Current.Value = scope;
        return scope;
    }

    /// <summary>Adds <paramref name="spent"/> to the innermost open scope; does nothing outside a scope.</summary>
    /// <param name="spent">Instrument time spent, not negative.</param>
    public static void Report(TimeSpan spent) => Current.Value?.Add(spent);

    /// <summary>Restores the scope that was current before <paramref name="scope"/> was opened.</summary>
    /// <param name="scope">The scope being closed.</param>
    internal static void End(DeviceTimeScope scope)
    {
        if (ReferenceEquals(Current.Value, scope))
        {
            Current.Value = scope.Outer;
        }
    }
}
