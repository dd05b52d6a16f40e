using AutoLab.Instruments.Devices;

namespace AutoLab.Simulators.Behaviour;

/// <summary>
/// The non-physics behaviour one simulated instrument shares across its commands: an instrument clock that
/// latency advances (virtually or in real time), linear drift on that clock, seeded faults and extra noise.
/// </summary>
/// <remarks>
/// <para>Simulators hold one instance per device and ask it, per command: <see cref="StreamFor"/> for the
/// command's random stream, <see cref="DrawFault"/> before acting, <see cref="WaitAsync"/> for the
/// acquisition time, <see cref="Drift"/> for the current drift and <see cref="Noisy"/> for readings.
/// Injected timeouts hang in <see cref="HangAsync"/> until cancelled.</para>
/// <para>Options may change per command (<see cref="BehaviourOptionParser"/>); pass them to each call.
/// The clock is shared by all calls on this instance and is thread-safe.</para>
/// </remarks>
public sealed class InstrumentBehaviour
{
    private readonly TimeProvider _time;
    private readonly VirtualClock _clock = new();
    private long _unstagedCommands;

    /// <summary>Creates the behaviour.</summary>
    /// <param name="timeProvider">Clock for real-time latency; <see cref="TimeProvider.System"/> when null.</param>
    public InstrumentBehaviour(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Instrument time: the sum of every latency and counting time spent through <see cref="WaitAsync"/>,
    /// virtual or waited in real time, and nothing else. Drift grows with it.
    /// </summary>
    /// <remarks>
    /// Host time between commands is not instrument time: were it counted, a dry run's clock (and its drift)
    /// would depend on how fast the host ran the campaign. The instance's <see cref="VirtualClock"/> holds it.
    /// </remarks>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The random stream of one command (or sample): same seed, key and attempt, same draws.</summary>
    /// <param name="options">The command's options (for the seed).</param>
    /// <param name="key">The command's idempotency key, or a sample id.</param>
    /// <param name="attempt">Attempt number; a retry draws afresh.</param>
    /// <returns>A new stream.</returns>
    public static Random StreamFor(BehaviourOptions options, string key, int attempt = 1) => RandomStreams.For(options.Seed, key, attempt);

    /// <summary>
    /// The random stream of the command about to run: keyed by its idempotency key and attempt when the
    /// host staged it, so a re-delivery draws the same values; otherwise by a per-instance counter of
    /// unstaged commands (direct library use), so successive calls still differ.
    /// </summary>
    /// <param name="options">The command's options (for the seed).</param>
    /// <param name="context">The staging context, or null when the device is used without a host.</param>
    /// <returns>A new stream.</returns>
    public Random CommandStream(BehaviourOptions options, StageContext? context) => context is not null
        ? StreamFor(options, context.IdempotencyKey, context.Attempt)
        : StreamFor(options, "unstaged", (int)Interlocked.Increment(ref _unstagedCommands));

    /// <summary>Unstaged commands run so far on this instance (names samples made without a host).</summary>
    public long UnstagedCommands => Interlocked.Read(ref _unstagedCommands);

    /// <summary>Draws whether this command is faulty and how; always consumes the same number of draws when healthy.</summary>
    /// <param name="options">The command's options.</param>
    /// <param name="random">The command's stream.</param>
    /// <returns>The fault, or <see cref="SimulatedFaults.None"/>.</returns>
    public static SimulatedFaults DrawFault(BehaviourOptions options, Random random)
    {
        // Always draw, even with no faults configured, so the draws that follow do not depend on the fault rate.
        var draw = random.NextDouble();
        if (draw >= options.FaultRate)
        {
            return SimulatedFaults.None;
        }

        SimulatedFaults[] enabled = [.. new[] { SimulatedFaults.Refusal, SimulatedFaults.Timeout, SimulatedFaults.Garbage }.Where(m => options.FaultModes.HasFlag(m))];
        return enabled[random.Next(enabled.Length)];
    }

    /// <summary>Multiplies a value by (1 + NoiseFraction × N(0, 1)); returns it unchanged when the fraction is 0.</summary>
    /// <param name="options">The command's options.</param>
    /// <param name="random">The command's stream.</param>
    /// <param name="value">The clean value.</param>
    /// <returns>The noisy value.</returns>
    public static double Noisy(BehaviourOptions options, Random random, double value) =>
        options.NoiseFraction > 0 ? value * (1.0 + (options.NoiseFraction * random.NextGaussian())) : value;

    /// <summary>The drift now: <see cref="BehaviourOptions.DriftPerHour"/> × instrument hours elapsed.</summary>
    /// <param name="options">The command's options.</param>
    /// <returns>The drift, in the drifting quantity's units.</returns>
    public double Drift(BehaviourOptions options) => options.DriftPerHour * Elapsed.TotalHours;

    /// <summary>
    /// Spends an operation's time: <paramref name="duration"/> (or the options' latency when null) with jitter;
    /// virtual mode only advances <see cref="Elapsed"/>, real mode waits on the time provider.
    /// </summary>
    /// <param name="options">The command's options.</param>
    /// <param name="random">The command's stream (for jitter; one draw when jitter is set).</param>
    /// <param name="duration">The operation's own time (e.g. a counting time), or null for <see cref="BehaviourOptions.Latency"/>.</param>
    /// <param name="cancellationToken">Cancels a real wait.</param>
    /// <returns>The time spent.</returns>
    public async Task<TimeSpan> WaitAsync(BehaviourOptions options, Random random, TimeSpan? duration, CancellationToken cancellationToken)
    {
        var nominal = duration ?? options.Latency;
        var factor = options.LatencyJitter > 0 ? 1.0 + (options.LatencyJitter * ((2.0 * random.NextDouble()) - 1.0)) : 1.0;
        var spent = TimeSpan.FromTicks((long)(nominal.Ticks * factor));
        if (spent <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        if (options.Clock == ClockMode.Virtual)
        {
            _clock.Advance(spent);
            // Tell the instrument host (when one runs this command) that the step took this much instrument
            // time, so the journaled duration is the virtual time and not the host's microseconds.
            DeviceTime.Report(spent);
        }
        else
        {
            await Task.Delay(spent, _time, cancellationToken);
            _clock.Advance(spent);
        }

        return spent;
    }

    /// <summary>An injected timeout: waits until <paramref name="cancellationToken"/> is cancelled, then throws.</summary>
    /// <param name="cancellationToken">The command's cancellation (its time limit or shutdown).</param>
    /// <returns>A task that never completes successfully.</returns>
    /// <exception cref="OperationCanceledException">Always, once cancelled.</exception>
    public Task HangAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
}
