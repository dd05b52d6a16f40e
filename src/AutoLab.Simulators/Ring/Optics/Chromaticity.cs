using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Ring.Optics;

/// <summary>Linear chromaticities ξ = dQ/dδ.</summary>
/// <param name="X">Horizontal chromaticity.</param>
/// <param name="Y">Vertical chromaticity.</param>
public sealed record Chromaticity(double X, double Y)
{
    /// <summary>Momentum step of the central difference; second-order chromaticity adds an error of order ξ₂·step².</summary>
    public const double DefaultStep = 1e-4;

    /// <summary>ξ = (Q(+Δδ) − Q(−Δδ)) / (2Δδ), each tune taken on its own off-momentum closed orbit.</summary>
    /// <param name="tracker">The ring.</param>
    /// <param name="step">Δδ.</param>
    /// <returns>The chromaticities.</returns>
    /// <exception cref="RingUnstableException">The ring is unstable at ±Δδ.</exception>
    public static Chromaticity Compute(RingTracker tracker, double step = DefaultStep)
    {
        LinearOpticsResult plus = LinearOptics.Compute(tracker, step);
        LinearOpticsResult minus = LinearOptics.Compute(tracker, -step);
        return new Chromaticity((plus.TuneX - minus.TuneX) / (2.0 * step), (plus.TuneY - minus.TuneY) / (2.0 * step));
    }
}
