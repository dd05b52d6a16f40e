using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Ring.Aperture;

/// <summary>
/// Momentum acceptance by the same k-section as <see cref="DynamicAperture"/>, along δ: a particle at
/// the ring's start on the design orbit (plus a tiny betatron seed) suddenly gets δ, as after a Touschek
/// collision, and must survive N turns.
/// </summary>
/// <remarks>
/// Tracking is 4-D at fixed δ (no RF, no synchrotron oscillation), so this is the transverse limit of the
/// acceptance: the loss of the off-momentum closed orbit's stability or the betatron amplitude ηδ growing
/// past the aperture or the dynamic aperture. The RF bucket height is not included.
/// </remarks>
public static class MomentumAperture
{
    /// <summary>Betatron seed (m) in x and y, so the off-momentum particle is not exactly on a fixed point of the linear map.</summary>
    public const double Seed = 1e-6;

    /// <summary>Scans δ in (0, <paramref name="maxDelta"/>] and [−<paramref name="maxDelta"/>, 0).</summary>
    /// <param name="tracker">The ring.</param>
    /// <param name="maxDelta">Largest |δ| tried.</param>
    /// <param name="turns">Turns to survive.</param>
    /// <param name="probes">Probes per side per round.</param>
    /// <param name="rounds">Refinement rounds.</param>
    /// <returns>The acceptance on both sides.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static MomentumApertureResult Compute(RingTracker tracker, double maxDelta = 0.05, int turns = 512, int probes = 8, int rounds = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxDelta, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(maxDelta, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(turns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(probes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        static void Place(ParticleSet p, int index, int side, double amplitude) =>
            p.Set(index, Seed, 0.0, Seed, 0.0, side == 0 ? amplitude : -amplitude);

        (double[] boundary, long passes) = BoundarySearch.Run(tracker, [maxDelta, maxDelta], Place, turns, probes, rounds);
        return new MomentumApertureResult(boundary[0], -boundary[1], turns, passes);
    }
}
