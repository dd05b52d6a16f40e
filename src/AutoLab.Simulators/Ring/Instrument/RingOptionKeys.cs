namespace AutoLab.Simulators.Ring.Instrument;

/// <summary>
/// Command option keys the ring instrument reads, besides the shared behaviour keys
/// (<see cref="Behaviour.BehaviourOptionKeys"/>: latency, drift, noise, faults, seed).
/// </summary>
public static class RingOptionKeys
{
    /// <summary>Turns each particle must survive, e.g. "512".</summary>
    public const string Turns = "turns";

    /// <summary>Rays of the dynamic-aperture scan from 0 to π, e.g. "19".</summary>
    public const string Angles = "angles";

    /// <summary>Trial amplitudes per round of each ray's k-section search, e.g. "8" (more probes, sharper boundary, more tracking).</summary>
    public const string ProbesPerRound = "probes_per_round";

    /// <summary>Rounds of each ray's k-section search, e.g. "3": each narrows the boundary by a factor of probes + 1.</summary>
    public const string Rounds = "rounds";

    /// <summary>|δ| of the two off-momentum apertures, e.g. "0.02"; "0" skips them.</summary>
    public const string OffMomentumDelta = "off_momentum_delta";

    /// <summary>Largest |δ| of the momentum-aperture scan, e.g. "0.05"; "0" skips it and the Touschek proxy.</summary>
    public const string MaxMomentumDeviation = "max_momentum_deviation";
}
