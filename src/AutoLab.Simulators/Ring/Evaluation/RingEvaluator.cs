using AutoLab.Simulators.Ring.Aperture;
using AutoLab.Simulators.Ring.Lattices;
using AutoLab.Simulators.Ring.Optics;
using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Ring.Evaluation;

/// <summary>
/// Evaluates a lattice for sextupole tuning: optics, chromaticity, on- and off-momentum dynamic aperture,
/// momentum acceptance and the Touschek proxy, as an optimiser's objectives.
/// </summary>
public static class RingEvaluator
{
    /// <summary>Evaluates <paramref name="lattice"/>; an unstable ring gives zero objectives, not an exception.</summary>
    /// <param name="lattice">The ring with the sextupole strengths to judge.</param>
    /// <param name="settings">What to compute; defaults when null.</param>
    /// <returns>The figures of merit.</returns>
    public static RingEvaluationResult Evaluate(Lattice lattice, RingEvaluationSettings? settings = null)
    {
        settings ??= new RingEvaluationSettings();
        var tracker = new RingTracker(lattice, settings.Aperture, settings.MaxDegreeOfParallelism);
        LinearOpticsResult optics;
        try
        {
            optics = LinearOptics.Compute(tracker);
        }
        catch (RingUnstableException ex)
        {
            return new RingEvaluationResult { Stable = false, Problem = ex.Message };
        }

        Chromaticity? chromaticity;
        try
        {
            chromaticity = Chromaticity.Compute(tracker);
        }
        catch (RingUnstableException)
        {
            chromaticity = null;
        }

        DynamicApertureResult on = DynamicAperture.Compute(tracker, settings.DynamicAperture);
        long passes = on.ElementPasses;
        DynamicApertureResult? plus = null;
        DynamicApertureResult? minus = null;
        if (settings.OffMomentumDelta > 0.0)
        {
            plus = DynamicAperture.Compute(tracker, settings.DynamicAperture, settings.OffMomentumDelta);
            minus = DynamicAperture.Compute(tracker, settings.DynamicAperture, -settings.OffMomentumDelta);
            passes += plus.ElementPasses + minus.ElementPasses;
        }

        MomentumApertureResult? momentum = null;
        if (settings.MaxMomentumDeviation > 0.0)
        {
            momentum = MomentumAperture.Compute(tracker, settings.MaxMomentumDeviation, settings.DynamicAperture.Turns, settings.DynamicAperture.ProbesPerRound, settings.DynamicAperture.Rounds);
            passes += momentum.ElementPasses;
        }

        return new RingEvaluationResult
        {
            Stable = true,
            Optics = optics,
            Chromaticity = chromaticity,
            OnMomentum = on,
            OffMomentumPlus = plus,
            OffMomentumMinus = minus,
            MomentumAperture = momentum,
            ElementPasses = passes,
        };
    }
}
