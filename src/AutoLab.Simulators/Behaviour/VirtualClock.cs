namespace AutoLab.Simulators.Behaviour;

/// <summary>
/// A clock that only moves when told to: the sum of the time spans it has been advanced by, with no host
/// time in it. A simulated instrument's time in a dry run.
/// </summary>
/// <remarks>
/// <see cref="InstrumentBehaviour"/> advances one per device by each latency and counting time it spends, in
/// <see cref="ClockMode.Virtual"/> and in <see cref="ClockMode.Real"/> alike (a real wait is counted once it
/// has been waited), so instrument time is the time the instrument spent operating and nothing else: an
/// 8-hour dry run reads 8 h however fast the host ran it. Thread-safe; ticks are exact (no floating point).
/// </remarks>
public sealed class VirtualClock
{
    private long _ticks;

    /// <summary>Time spent so far.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    /// <summary>Moves the clock on by <paramref name="duration"/>.</summary>
    /// <param name="duration">Time spent; must not be negative.</param>
    /// <returns>The clock's time after the advance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public TimeSpan Advance(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return TimeSpan.FromTicks(Interlocked.Add(ref _ticks, duration.Ticks));
    }
}
