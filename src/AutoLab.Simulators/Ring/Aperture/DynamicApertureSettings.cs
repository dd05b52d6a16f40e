namespace AutoLab.Simulators.Ring.Aperture;

/// <summary>How a dynamic aperture is scanned.</summary>
public sealed record DynamicApertureSettings
{
    /// <summary>Rays from θ = 0 to π (upper half plane; the ring is symmetric in y), at least 2.</summary>
    public int Angles { get; init; } = 19;

    /// <summary>Turns a particle must survive.</summary>
    public int Turns { get; init; } = 512;

    /// <summary>Probes per ray per refinement round (1 is plain bisection).</summary>
    public int ProbesPerRound { get; init; } = 8;

    /// <summary>Refinement rounds; the radial resolution is r_max / (k·(k+1)^(rounds−1)) for k probes.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Vertical offset (m) added to every start so horizontal rays still excite vertical motion, as elegant's DA scans do.</summary>
    public double VerticalOffset { get; init; } = 1e-6;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        if (Angles < 2 || Turns < 1 || ProbesPerRound < 1 || Rounds < 1 || !(VerticalOffset >= 0.0))
        {
            throw new ArgumentException($"dynamic-aperture settings need angles ≥ 2, turns ≥ 1, probes ≥ 1, rounds ≥ 1 and a non-negative offset; got {this}");
        }
    }
}
