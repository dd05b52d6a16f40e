namespace AutoLab.Instruments.Devices;

/// <summary>The instrument time reported through <see cref="DeviceTime.Report"/> while this scope was open.</summary>
public sealed class DeviceTimeScope : IDisposable
{
    private long _ticks;
    private int _reports;

    internal DeviceTimeScope(DeviceTimeScope? outer) => Outer = outer;

    /// <summary>Whether any time was reported (a device that keeps its own clock ran in this scope).</summary>
    public bool Reported => Volatile.Read(ref _reports) > 0;

    /// <summary>The sum of the reported time spans.</summary>
    public TimeSpan Spent => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    internal DeviceTimeScope? Outer { get; }

    /// <summary>Closes the scope; later reports in this flow go to the scope that was open before it.</summary>
    public void Dispose() => DeviceTime.End(this);

    internal void Add(TimeSpan spent)
    {
        Interlocked.Add(ref _ticks, Math.Max(0, spent.Ticks));
        Interlocked.Increment(ref _reports);
    }
}
