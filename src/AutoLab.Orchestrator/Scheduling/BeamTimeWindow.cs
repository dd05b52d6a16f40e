namespace AutoLab.Orchestrator.Scheduling;

/// <summary>
/// A beamtime window counted on the instruments' clock: it opens at the beam time already used and ends
/// <see cref="Length"/> later. Measurements are recorded as they complete; the one that brings the used beam
/// time to the end (or past it) is reported once, so the campaign is halted once.
/// </summary>
/// <remarks>
/// Pure logic with no clock of its own, so the window is the same on a virtual dry-run clock and on real
/// instruments: beam time is whatever durations the measurements state. Thread-safe.
/// <seealso cref="BeamTimeWindowObserver"/>
/// </remarks>
public sealed class BeamTimeWindow
{
    private readonly object _gate = new();
    private readonly HashSet<string> _counted = new(StringComparer.Ordinal);
    private TimeSpan _used;
    private bool _endReported;

    /// <summary>Opens a window of <paramref name="length"/> starting at <paramref name="usedBefore"/>.</summary>
    /// <param name="length">How much beam time the window allows; positive.</param>
    /// <param name="usedBefore">Beam time the campaign used before this window (earlier windows).</param>
    /// <param name="countedKeys">Idempotency keys of the measurements in <paramref name="usedBefore"/>, so a re-delivery of one is not counted again.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive or <paramref name="usedBefore"/> is negative.</exception>
    public BeamTimeWindow(TimeSpan length, TimeSpan usedBefore, IEnumerable<string>? countedKeys = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(usedBefore, TimeSpan.Zero);
        Length = length;
        Start = usedBefore;
        _used = usedBefore;
        _counted.UnionWith(countedKeys ?? []);
    }

    /// <summary>Beam time the window allows.</summary>
    public TimeSpan Length { get; }

    /// <summary>Beam time used when the window opened.</summary>
    public TimeSpan Start { get; }

    /// <summary>Beam time at which the window ends: <see cref="Start"/> + <see cref="Length"/>.</summary>
    public TimeSpan End => Start + Length;

    /// <summary>Beam time used so far, earlier windows included.</summary>
    public TimeSpan Used
    {
        get
        {
            lock (_gate)
            {
                return _used;
            }
        }
    }

    /// <summary>Whether the used beam time has reached <see cref="End"/>.</summary>
    public bool HasEnded => Used >= End;

    /// <summary>Counts one completed measurement.</summary>
    /// <param name="idempotencyKey">The measurement's key; a key already counted is ignored.</param>
    /// <param name="duration">Beam time the measurement took; negative or non-finite counts as zero.</param>
    /// <returns>True exactly once: for the measurement that brought the used beam time to the window's end.</returns>
    public bool Record(string idempotencyKey, TimeSpan duration)
    {
        lock (_gate)
        {
            if (!_counted.Add(idempotencyKey))
            {
                return false;
            }

            if (duration > TimeSpan.Zero)
            {
                _used += duration;
            }

            if (_endReported || _used < End)
            {
                return false;
            }

            _endReported = true;
            return true;
        }
    }
}
