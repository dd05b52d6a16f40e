namespace AutoLab.Simulators.Behaviour;

/// <summary>
/// How a simulated instrument behaves apart from its physics: latency, drift, extra noise and seeded faults.
/// The defaults are an ideal instrument: instant, drift-free, noise-free and fault-free.
/// </summary>
/// <remarks>
/// A record, so a command can override fields with <c>with</c> or <see cref="BehaviourOptionParser.Apply"/>
/// without touching the instrument's defaults. Read by <see cref="InstrumentBehaviour"/>.
/// </remarks>
public sealed record BehaviourOptions
{
    /// <summary>Nominal time one operation takes (s as a <see cref="TimeSpan"/>); zero for instant.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Relative spread of the latency in [0, 1): each wait lasts Latency × (1 + jitter × u), u uniform in [-1, 1].</summary>
    public double LatencyJitter { get; init; }

    /// <summary>Whether latency is virtual (instant, counted on the instrument's clock) or waited on the time provider.</summary>
    public ClockMode Clock { get; init; } = ClockMode.Virtual;

    /// <summary>
    /// Linear drift of the instrument's drifting quantity per hour of instrument time, in that quantity's units
    /// (the diffractometer applies it to its zero shift in degrees 2θ per hour).
    /// </summary>
    public double DriftPerHour { get; init; }

    /// <summary>Relative standard deviation of extra multiplicative Gaussian noise on readings (0.01 = 1 %); 0 for none.</summary>
    public double NoiseFraction { get; init; }

    /// <summary>Probability in [0, 1] that a command gets an injected fault.</summary>
    public double FaultRate { get; init; }

    /// <summary>Faults that may be injected; one of them is drawn uniformly for a faulty command.</summary>
    public SimulatedFaults FaultModes { get; init; } = SimulatedFaults.All;

    /// <summary>Seed of every random draw (noise, jitter, faults, scatter).</summary>
    public long Seed { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentException($"latency must not be negative, not {Latency}", nameof(Latency));
        }

        if (!(LatencyJitter >= 0 && LatencyJitter < 1))
        {
            throw new ArgumentException($"latency jitter must be in [0, 1), not {LatencyJitter}", nameof(LatencyJitter));
        }

        if (!double.IsFinite(DriftPerHour))
        {
            throw new ArgumentException($"drift per hour must be finite, not {DriftPerHour}", nameof(DriftPerHour));
        }

        if (!(NoiseFraction >= 0 && double.IsFinite(NoiseFraction)))
        {
            throw new ArgumentException($"noise fraction must be finite and not negative, not {NoiseFraction}", nameof(NoiseFraction));
        }

        if (!(FaultRate >= 0 && FaultRate <= 1))
        {
            throw new ArgumentException($"fault rate must be in [0, 1], not {FaultRate}", nameof(FaultRate));
        }

        if (FaultRate > 0 && FaultModes == SimulatedFaults.None)
        {
            throw new ArgumentException("fault rate is above 0 but no fault modes are enabled", nameof(FaultModes));
        }
    }
}
