using AutoLab.Simulators.Saxs;

namespace AutoLab.Simulators.Tests.Saxs;

/// <summary>
/// The Guinier reading recovers Rg and I(0) of an exact Guinier curve, stays on the right side of noisy data
/// whose first points barely fall, and reports an uncertainty that matches the scatter over noise seeds.
/// </summary>
public sealed class GuinierFitTests
{
    /// <summary>An exact Guinier curve is a straight line in q²: only rounding remains.</summary>
    private const double ExactTolerance = 1e-9;

    /// <summary>Range bias for spheres (about 1.5 %, see docs) plus noise.</summary>
    private const double NoisySphereTolerance = 0.03;

    /// <summary>Reported σ(Rg) against the scatter of 60 seeds: the scatter's own sampling error is about 9 %.</summary>
    private const double UncertaintyRatioTolerance = 0.3;

    [Fact]
    public void An_exact_Guinier_curve_gives_back_its_radius_and_forward_intensity()
    {
        double[] q = new SaxsCameraSettings().Grid();
        double[] intensity = [.. q.Select(v => 7.5 * Math.Exp(-v * v * 40.0 * 40.0 / 3.0))];

        var fit = GuinierFit.Fit(q, intensity);

        Assert.Equal(40.0, fit.RadiusOfGyration, ExactTolerance * 40.0);
        Assert.Equal(7.5, fit.ForwardIntensity, ExactTolerance * 7.5);
        Assert.True(fit.Points > 10, "the range reaches q·Rg ≈ 1.3, many points of the default grid");
    }

    [Fact]
    public void Short_counts_on_a_fine_low_q_grid_still_give_the_sphere_radius_of_gyration()
    {
        // The first ten points span q² so narrow that ln I falls by 0.2 %, less than the counting noise.
        var sample = new SaxsSample { Radius = 50.0, VolumeFraction = 0.05 };
        var settings = new SaxsCameraSettings { CountTime = 5.0 };
        for (int seed = 0; seed < 20; seed++)
        {
            var curve = SaxsCamera.Measure(sample, settings, new Random(seed));
            var fit = GuinierFit.Fit(curve.Q, curve.Intensity, curve.Uncertainty);

            Assert.Equal(Math.Sqrt(0.6) * 50.0, fit.RadiusOfGyration, NoisySphereTolerance * 50.0);
        }
    }

    [Fact]
    public void Reported_uncertainty_matches_the_scatter_over_noise_seeds()
    {
        var sample = new SaxsSample { Radius = 50.0, Polydispersity = 0.1 };
        var settings = new SaxsCameraSettings { CountTime = 1.0 };
        var fits = Enumerable.Range(0, 60)
            .Select(seed => SaxsCamera.Measure(sample, settings, new Random(seed)))
            .Select(c => GuinierFit.Fit(c.Q, c.Intensity, c.Uncertainty))
            .ToList();
        double mean = fits.Average(f => f.RadiusOfGyration);
        double scatter = Math.Sqrt(fits.Sum(f => Math.Pow(f.RadiusOfGyration - mean, 2)) / (fits.Count - 1));
        double reported = fits.Average(f => f.RadiusOfGyrationUncertainty);

        Assert.Equal(1.0, reported / scatter, UncertaintyRatioTolerance);
    }
}
