using AutoLab.Simulators.Ring.Aperture;
using AutoLab.Simulators.Ring.Optics;

namespace AutoLab.Simulators.Ring.Evaluation;

/// <summary>The figures of merit of one lattice setting; areas in m², a caller converts for display.</summary>
public sealed record RingEvaluationResult
{
    /// <summary>Whether the on-momentum linear optics are stable; when false only this and <see cref="Problem"/> are meaningful and the objectives are zero.</summary>
    public required bool Stable { get; init; }

    /// <summary>Why the ring is unstable, or empty.</summary>
    public string Problem { get; init; } = "";

    /// <summary>On-momentum optics (null when unstable).</summary>
    public LinearOpticsResult? Optics { get; init; }

    /// <summary>Linear chromaticities (null when unstable or unstable at ±Δδ).</summary>
    public Chromaticity? Chromaticity { get; init; }

    /// <summary>On-momentum dynamic aperture.</summary>
    public DynamicApertureResult? OnMomentum { get; init; }

    /// <summary>Dynamic aperture at +δ_off (null when skipped).</summary>
    public DynamicApertureResult? OffMomentumPlus { get; init; }

    /// <summary>Dynamic aperture at −δ_off (null when skipped).</summary>
    public DynamicApertureResult? OffMomentumMinus { get; init; }

    /// <summary>Momentum acceptance and the Touschek proxy (null when skipped).</summary>
    public MomentumApertureResult? MomentumAperture { get; init; }

    /// <summary>Mean area of the two off-momentum apertures (m²); 0 when skipped or unstable.</summary>
    public double OffMomentumArea => OffMomentumPlus is null || OffMomentumMinus is null ? 0.0 : 0.5 * (OffMomentumPlus.Area + OffMomentumMinus.Area);

    /// <summary>Element passes tracked in all scans.</summary>
    public long ElementPasses { get; init; }
}
