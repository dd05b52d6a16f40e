using AutoLab.Simulators.Ring.Aperture;
using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Ring.Evaluation;

/// <summary>What one evaluation of a sextupole setting computes.</summary>
public sealed record RingEvaluationSettings
{
    /// <summary>Physical aperture.</summary>
    public PhysicalAperture Aperture { get; init; } = PhysicalAperture.Default;

    /// <summary>Dynamic-aperture scan settings (also used off momentum).</summary>
    public DynamicApertureSettings DynamicAperture { get; init; } = new();

    /// <summary>|δ| of the two off-momentum dynamic apertures; 0 skips them.</summary>
    public double OffMomentumDelta { get; init; } = 0.02;

    /// <summary>Largest |δ| of the momentum-aperture scan; 0 skips it (and the Touschek proxy).</summary>
    public double MaxMomentumDeviation { get; init; } = 0.05;

    /// <summary>Threads; all cores when null.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
