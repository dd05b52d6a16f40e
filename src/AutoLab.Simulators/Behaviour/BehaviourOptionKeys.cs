namespace AutoLab.Simulators.Behaviour;

/// <summary>Command option keys that override <see cref="BehaviourOptions"/> for one command (from a campaign spec's instrument options).</summary>
public static class BehaviourOptionKeys
{
    /// <summary>Latency in seconds, e.g. "2.5".</summary>
    public const string LatencySeconds = "latency_s";

    /// <summary>Relative latency jitter in [0, 1), e.g. "0.1".</summary>
    public const string LatencyJitter = "latency_jitter";

    /// <summary>"virtual" or "real".</summary>
    public const string Clock = "clock";

    /// <summary>Drift per hour of instrument time, in the drifting quantity's units.</summary>
    public const string DriftPerHour = "drift_per_hour";

    /// <summary>Relative Gaussian noise on readings, e.g. "0.01".</summary>
    public const string NoiseFraction = "noise_fraction";

    /// <summary>Fault probability in [0, 1].</summary>
    public const string FaultRate = "fault_rate";

    /// <summary>Comma-separated fault modes: refusal, timeout, garbage.</summary>
    public const string FaultModes = "fault_modes";

    /// <summary>Seed, an integer.</summary>
    public const string Seed = "seed";
}
