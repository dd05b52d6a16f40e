using AutoLab.Simulators.Ring.Lattices;
using AutoLab.Simulators.Ring.Optics;
using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Tests.Ring;

/// <summary>
/// A ring of thin-lens FODO cells (½QF – L – QD – L – ½QF, quadrupoles of focal length ±f, L the distance
/// between quadrupole centres) has the textbook phase advance per cell cos μ = 1 − L²/(2f²) and
/// β_max = 2L(1 + sin(μ/2))/sin μ at the focusing quadrupole (Wiedemann, Particle Accelerator Physics, ch. 10).
/// </summary>
public sealed class ThinFodoTuneTests
{
    /// <summary>The optics are exact for thin lenses and drifts; only rounding separates them from the formula.</summary>
    private const double Tolerance = 1e-10;

    [Theory]
    [InlineData(8, 2.0, 3.0)]
    [InlineData(12, 1.5, 1.2)]
    [InlineData(5, 4.0, 2.5)]
    public void Tune_of_a_thin_lens_fodo_ring_matches_the_textbook_phase_advance(int cells, double drift, double focal)
    {
        var tracker = new RingTracker(BuiltinLattices.ThinFodo(cells, drift, focal));

        LinearOpticsResult optics = LinearOptics.Compute(tracker);

        double mu = Math.Acos(1.0 - (drift * drift / (2.0 * focal * focal)));
        double expectedTune = cells * mu / (2.0 * Math.PI);
        Assert.True(Math.Abs(optics.TuneX - expectedTune) < Tolerance, $"Qx = {optics.TuneX}, expected {expectedTune}");
        Assert.True(Math.Abs(optics.TuneY - expectedTune) < Tolerance, $"Qy = {optics.TuneY}, expected {expectedTune}");
        double betaMax = 2.0 * drift * (1.0 + Math.Sin(mu / 2.0)) / Math.Sin(mu);
        Assert.True(Math.Abs(optics.Twiss[0].BetaX - betaMax) < Tolerance * betaMax, $"βx at QF = {optics.Twiss[0].BetaX}, expected {betaMax}");
    }

    [Fact]
    public void Too_strong_focusing_is_reported_as_unstable()
    {
        // L > 2f gives cos μ < −1: no periodic solution.
        var tracker = new RingTracker(BuiltinLattices.ThinFodo(4, 3.0, 1.0));

        Assert.Throws<RingUnstableException>(() => LinearOptics.Compute(tracker));
    }
}
