namespace AutoLab.Orchestrator.Scheduling;

/// <summary>
/// A beamtime window counted on the instruments' clock: it opens at the beam time already used and ends
/// <see cref="Length"/> later. It counts the beam time of completed measurements and of measure attempts that
/// faulted, tracks the measurements in flight, and reports once when the campaign must halt so that the
/// window is not overrun.
/// </summary>
/// <remarks>
/// <para><b>The rule.</b> A real beamtime ends at a hard time, so the window halts early rather than late. With
/// <c>used</c> the beam time counted so far, <c>n</c> the measurements in flight (experiments started whose
/// measure step has not finished) and <c>t̂</c> the <see cref="Estimate"/> (the mean duration of the completed
/// measurements counted so far in this campaign; until one has completed, of the faulted attempts that used
/// beam time), the halt is due as soon as
/// <c>used + (n + 1) · t̂ &gt; End</c>: the next measurement the campaign would start is not expected to fit
/// beside those already running. Before any beam time has been counted there is no estimate and starts are
/// allowed; the halt is due in any case once <c>used ≥ End</c>.</para>
/// <para><b>Limits.</b> The rule cannot see the future. Measurements longer than the estimate overrun the
/// window by at most their excess over <c>t̂</c>; a measurement in flight when the halt is sent that faults and
/// is retried uses its retry's time on top; the first batch, started before any estimate exists, is not
/// held back; and the halt is a message, so an experiment that ends while it is on its way to the campaign
/// may still be replaced by one more start. Several starts at once (a reply of several suggestions) are
/// checked together when they are requested (<see cref="Requested"/>). With measurements of one fixed duration, no retries after the
/// halt and the halt delivered before the next experiment ends, the window is not overrun.</para>
/// <para><b>Faulted attempts.</b> A measure attempt that faulted after exposing used the beam: its duration
/// (<c>StepFaulted.DurationSeconds</c>) is added to <see cref="Used"/>, keyed by idempotency key and attempt
/// (<see cref="FaultKey"/>), so each attempt counts once however often it is delivered. Faulted time does not
/// enter the estimate once a measurement has completed: a refusal uses no time and would make the mean too small.</para>
/// <para>Pure logic with no clock of its own, so the window is the same on a virtual dry-run clock and on real
/// instruments: beam time is whatever durations the instruments state. Thread-safe.</para>
/// <seealso cref="BeamTimeWindowObserver"/>
/// </remarks>
public sealed class BeamTimeWindow
{
    private readonly object _gate = new();
    private readonly HashSet<string> _counted = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _inFlight = [];
    private readonly HashSet<Guid> _finished = [];
    private readonly HashSet<Guid> _ended = [];
    private readonly HashSet<Guid> _awaitingEnd = [];
    private TimeSpan _used;
    private TimeSpan _measuredTotal;
    private int _measuredCount;
    private TimeSpan _faultedTotal;
    private int _faultedCount;
    private bool _haltReported;

    /// <summary>Opens a window of <paramref name="length"/> starting at <paramref name="usedBefore"/>.</summary>
    /// <param name="length">How much beam time the window allows; positive.</param>
    /// <param name="usedBefore">Beam time the campaign used before this window (earlier windows), faulted attempts included.</param>
    /// <param name="countedKeys">
    /// Keys of what <paramref name="usedBefore"/> holds (measurement idempotency keys and <see cref="FaultKey"/>s of
    /// faulted attempts), so a re-delivery of one is not counted again.
    /// </param>
    /// <param name="measurementsBefore">Completed measurements in <paramref name="usedBefore"/>, for the <see cref="Estimate"/>.</param>
    /// <param name="measuredBefore">Their beam time (faulted attempts excluded), for the <see cref="Estimate"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive, or a prior amount is negative.</exception>
    public BeamTimeWindow(TimeSpan length, TimeSpan usedBefore, IEnumerable<string>? countedKeys = null, int measurementsBefore = 0, TimeSpan measuredBefore = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(usedBefore, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(measurementsBefore);
        ArgumentOutOfRangeException.ThrowIfLessThan(measuredBefore, TimeSpan.Zero);
        Length = length;
        Start = usedBefore;
        _used = usedBefore;
        _measuredCount = measurementsBefore;
        _measuredTotal = measuredBefore;
        _counted.UnionWith(countedKeys ?? []);
    }

    /// <summary>Beam time the window allows.</summary>
    public TimeSpan Length { get; }

    /// <summary>Beam time used when the window opened.</summary>
    public TimeSpan Start { get; }

    /// <summary>Beam time at which the window ends: <see cref="Start"/> + <see cref="Length"/>.</summary>
    public TimeSpan End => Start + Length;

    /// <summary>Beam time used so far, earlier windows and faulted attempts included.</summary>
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

    /// <summary>Measurements in flight: experiments started (<see cref="Started"/>) whose measure step has not finished.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <summary>
    /// The expected beam time of one measurement: the mean of the completed measurements counted so far (before any,
    /// the mean of the faulted attempts that used beam time); null before either.
    /// </summary>
    public TimeSpan? Estimate
    {
        get
        {
            lock (_gate)
            {
                return EstimateLocked();
            }
        }
    }

    /// <summary>Whether the halt is due: the window is used up, or the next measurement is not expected to fit (see the remarks).</summary>
    public bool IsHaltDue
    {
        get
        {
            lock (_gate)
            {
                return IsHaltDueLocked();
            }
        }
    }

    /// <summary>The key under which a faulted attempt is counted: the step's key and the attempt, as the journal keys it.</summary>
    /// <param name="idempotencyKey">The measure step's idempotency key (the same for every attempt).</param>
    /// <param name="attempt">The 1-based attempt.</param>
    /// <returns>E.g. <c>0f…/measure#2</c>.</returns>
    public static string FaultKey(string idempotencyKey, int attempt) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{idempotencyKey}#{attempt}");

    /// <summary>Counts one completed measurement that is not tracked as in flight (e.g. one whose start was not seen).</summary>
    /// <param name="idempotencyKey">The measurement's key; a key already counted is ignored.</param>
    /// <param name="duration">Beam time the measurement took; negative counts as zero.</param>
    /// <returns>True exactly once: when the halt first becomes due.</returns>
    public bool Record(string idempotencyKey, TimeSpan duration)
    {
        lock (_gate)
        {
            CountMeasurement(idempotencyKey, duration);
            return ReportHaltLocked();
        }
    }

    /// <summary>Counts the completed measurement of <paramref name="experimentId"/>; it is no longer in flight.</summary>
    /// <param name="experimentId">The experiment that measured.</param>
    /// <param name="idempotencyKey">The measurement's key; a key already counted adds no time.</param>
    /// <param name="duration">Beam time the measurement took; negative counts as zero.</param>
    /// <returns>True exactly once: when the halt first becomes due.</returns>
    public bool RecordMeasurement(Guid experimentId, string idempotencyKey, TimeSpan duration)
    {
        lock (_gate)
        {
            MeasureDoneLocked(experimentId);
            CountMeasurement(idempotencyKey, duration);
            return ReportHaltLocked();
        }
    }

    /// <summary>Counts a faulted measure attempt's beam time, once per attempt.</summary>
    /// <param name="experimentId">The experiment whose attempt faulted.</param>
    /// <param name="idempotencyKey">The measure step's key.</param>
    /// <param name="attempt">The attempt that faulted.</param>
    /// <param name="duration">Beam time the attempt used before it faulted; negative counts as zero.</param>
    /// <param name="final">Whether no retry follows (not retryable, or the last attempt): the measurement is then no longer in flight.</param>
    /// <returns>True exactly once: when the halt first becomes due.</returns>
    public bool RecordFault(Guid experimentId, string idempotencyKey, int attempt, TimeSpan duration, bool final)
    {
        lock (_gate)
        {
            if (final)
            {
                MeasureDoneLocked(experimentId);
            }

            if (_counted.Add(FaultKey(idempotencyKey, attempt)) && duration > TimeSpan.Zero)
            {
                _used += duration;
                _faultedTotal += duration;
                _faultedCount++;
            }

            return ReportHaltLocked();
        }
    }

    /// <summary>An experiment that will measure has started: its measurement is in flight until it completes or gives up.</summary>
    /// <param name="experimentId">The experiment; one already started or finished is ignored (re-deliveries, restarts).</param>
    /// <returns>True exactly once: when the halt first becomes due.</returns>
    public bool Started(Guid experimentId)
    {
        lock (_gate)
        {
            if (!_finished.Contains(experimentId))
            {
                _inFlight.Add(experimentId);
            }

            return ReportHaltLocked();
        }
    }

    /// <summary>
    /// The campaign asked for <paramref name="experiments"/> new suggestions, which it will start together when they
    /// arrive: the halt is due now when they would not all fit, <c>used + (n + experiments) · t̂ &gt; End</c>.
    /// </summary>
    /// <remarks>
    /// <para>A campaign starts every suggestion of a reply at once, so checking one start at a time would let the
    /// ones after the last that fits through before the halt arrives. Halting at the request instead gives up those
    /// of the requested experiments that would still have fitted: early, not late.</para>
    /// <para>The request states what the campaign itself has pending (<paramref name="campaignPending"/>: experiments
    /// started and not ended, and suggestions not started). Its view can be ahead of what this window has seen (a
    /// start still on its way), so <c>n</c> is the larger of this window's measurements in flight and the campaign's
    /// pending experiments less those this window has seen measure but not yet end.</para>
    /// </remarks>
    /// <param name="experiments">How many experiments the request asks for.</param>
    /// <param name="campaignPending">The campaign's own count of pending experiments (the request's <c>Pending</c>); 0 when unknown.</param>
    /// <returns>True exactly once: when the halt first becomes due.</returns>
    public bool Requested(int experiments, int campaignPending = 0)
    {
        lock (_gate)
        {
            int pending = Math.Max(_inFlight.Count, campaignPending - _awaitingEnd.Count);
            if (!_haltReported && EstimateLocked() is { } estimate
                && _used + (estimate * (pending + experiments)) > End)
            {
                _haltReported = true;
                return true;
            }

            return ReportHaltLocked();
        }
    }

    /// <summary>An experiment ended (completed or faulted at any step): whatever it had in flight is no longer.</summary>
    /// <param name="experimentId">The experiment.</param>
    public void Finished(Guid experimentId)
    {
        lock (_gate)
        {
            MeasureDoneLocked(experimentId);
            _ended.Add(experimentId);
            _awaitingEnd.Remove(experimentId);
        }
    }

    private void CountMeasurement(string idempotencyKey, TimeSpan duration)
    {
        if (!_counted.Add(idempotencyKey))
        {
            return;
        }

        TimeSpan spent = duration > TimeSpan.Zero ? duration : TimeSpan.Zero;
        _used += spent;
        _measuredTotal += spent;
        _measuredCount++;
    }

    private void MeasureDoneLocked(Guid experimentId)
    {
        _inFlight.Remove(experimentId);
        // Remembered so that a start observed late (or re-sent on recovery) does not put it back in flight.
        _finished.Add(experimentId);
        if (!_ended.Contains(experimentId))
        {
            _awaitingEnd.Add(experimentId);
        }
    }

    // Completed measurements are the estimate; until one completes, faulted attempts that used beam time stand in,
    // so a run whose first attempts all fault is still held back once they show what an exposure costs.
    private TimeSpan? EstimateLocked() =>
        _measuredCount > 0 ? _measuredTotal / _measuredCount
        : _faultedCount > 0 ? _faultedTotal / _faultedCount
        : null;

    private bool IsHaltDueLocked() =>
        _used >= End || (EstimateLocked() is { } estimate && _used + (estimate * (_inFlight.Count + 1)) > End);

    private bool ReportHaltLocked()
    {
        if (_haltReported || !IsHaltDueLocked())
        {
            return false;
        }

        _haltReported = true;
        return true;
    }
}
