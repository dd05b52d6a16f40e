using AutoLab.Simulators.Saxs;

namespace AutoLab.Simulators.Tests.Saxs;

/// <summary>
/// Polydispersity and resolution fill in the form-factor minima; counting noise is Poisson, so its relative size
/// falls as 1/√t; and the same seed gives the same curve.
/// </summary>
public sealed class PolydispersityAndNoiseTests
{
    /// <summary>Relative tolerance on the 1/√t ratio: 400 points of a Gaussian estimate have ~4 % scatter each.</summary>
    private const double NoiseRatioTolerance = 0.1;

    /// <summary>Cubic interpolation on a grid of σ/3 against direct quadrature: relative difference bound.</summary>
    private const double InterpolationTolerance = 1e-3;

    /// <summary>Normalised weights and a constant background: rounding only.</summary>
    private const double RoundingTolerance = 1e-9;

    /// <summary>Moments of the truncated (−5σ, +7σ) Schulz window against the distribution's own (relative).</summary>
    private const double MomentTolerance = 2e-3;

    private const double Radius = 50.0;

    [Fact]
    public void Schulz_weights_reproduce_the_mean_and_relative_spread()
    {
        var (sizes, weights) = SchulzDistribution.Nodes(Radius, 0.2);
        double mean = sizes.Zip(weights, (r, w) => r * w).Sum();
        double variance = sizes.Zip(weights, (r, w) => w * (r - mean) * (r - mean)).Sum();

        Assert.Equal(1.0, weights.Sum(), RoundingTolerance);
        Assert.Equal(Radius, mean, MomentTolerance * Radius);
        Assert.Equal(0.2, Math.Sqrt(variance) / mean, MomentTolerance);
    }

    [Fact]
    public void Polydispersity_fills_in_the_first_minimum()
    {
        var mono = new SaxsSample { Radius = Radius, Background = 0.0 };
        var poly = mono with { Polydispersity = 0.1 };
        double qMin = 4.493409 / Radius;

        double monoDepth = SphereFormFactorTests.Intensity(mono, qMin) / SphereFormFactorTests.Intensity(mono, 1e-6);
        double polyDepth = SphereFormFactorTests.Intensity(poly, qMin) / SphereFormFactorTests.Intensity(poly, 1e-6);

        Assert.True(monoDepth < 1e-12, $"a monodisperse sphere scatters nothing at its zero (relative {monoDepth:E2})");
        Assert.True(polyDepth > 1e-4, $"10 % polydispersity leaves the minimum at least 1e-4 of I(0), not {polyDepth:E2}");
    }

    [Fact]
    public void Resolution_smearing_fills_in_the_minimum_and_keeps_a_flat_curve_flat()
    {
        var sample = new SaxsSample { Radius = Radius, Background = 0.0 };
        double[] q = [4.493409 / Radius];
        double[] smeared = new double[1];
        ResolutionSmearing.Apply(sample, q, 0.05, smeared);
        double[] flat = new double[1];
        ResolutionSmearing.Apply(sample with { VolumeFraction = 1e-12, Background = 2.5 }, q, 0.05, flat);

        Assert.True(smeared[0] / SphereFormFactorTests.Intensity(sample, 1e-6) > 1e-4, "a 5 % resolution blurs the zero");
        Assert.Equal(2.5, flat[0], RoundingTolerance);
    }

    [Theory]
    [InlineData(SaxsModel.Sphere, 0.0)]
    [InlineData(SaxsModel.Sphere, 0.1)]
    [InlineData(SaxsModel.Cylinder, 0.1)]
    public void Smearing_a_whole_curve_through_the_interpolated_grid_matches_smearing_each_point_directly(SaxsModel model, double polydispersity)
    {
        var sample = new SaxsSample { Model = model, Radius = Radius, Polydispersity = polydispersity };
        double[] q = new SaxsCameraSettings().Grid();
        double[] curve = new double[q.Length];
        ResolutionSmearing.Apply(sample, q, 0.03, curve);

        double worst = 0.0;
        for (int i = 0; i < q.Length; i++)
        {
            // One point needs fewer evaluations than the grid, so it takes the direct route.
            double[] single = new double[1];
            ResolutionSmearing.Apply(sample, [q[i]], 0.03, single);
            worst = Math.Max(worst, Math.Abs(curve[i] - single[0]) / single[0]);
        }

        Assert.True(worst < InterpolationTolerance, $"largest relative difference {worst:E2}");
    }

    [Fact]
    public void Counting_noise_falls_as_one_over_root_counting_time()
    {
        var sample = new SaxsSample { Radius = Radius, Polydispersity = 0.1 };
        double shortNoise = RelativeNoise(sample, 1.0);
        double longNoise = RelativeNoise(sample, 16.0);

        Assert.Equal(4.0, shortNoise / longNoise, NoiseRatioTolerance * 4.0);
    }

    [Fact]
    public void Relative_noise_matches_one_over_root_expected_counts()
    {
        var settings = new SaxsCameraSettings { Points = 400, CountTime = 2.0, CountsPerSecondPerUnitIntensity = 500.0 };
        var curve = SaxsCamera.Measure(new SaxsSample(), settings, new Random(3));
        double[] pulls = [.. curve.Intensity.Zip(curve.Expected, (m, e) => (m - e) / Math.Sqrt(e / (settings.CountTime * settings.CountsPerSecondPerUnitIntensity)))];
        double rms = Math.Sqrt(pulls.Average(p => p * p));

        Assert.Equal(1.0, rms, NoiseRatioTolerance);
    }

    [Fact]
    public void Same_seed_gives_the_same_curve_and_another_seed_does_not()
    {
        var sample = new SaxsSample { Model = SaxsModel.Cylinder, Radius = 20.0, Polydispersity = 0.1 };
        var settings = new SaxsCameraSettings { Points = 50 };

        var first = SaxsCamera.Measure(sample, settings, new Random(11));
        var again = SaxsCamera.Measure(sample, settings, new Random(11));
        var other = SaxsCamera.Measure(sample, settings, new Random(12));

        Assert.Equal(first.Intensity, again.Intensity);
        Assert.NotEqual(first.Intensity, other.Intensity);
    }

    private static double RelativeNoise(SaxsSample sample, double countTime)
    {
        // A q range and flux where every point collects hundreds of counts, so no single point dominates the average.
        var settings = new SaxsCameraSettings { Points = 400, QMax = 0.08, CountTime = countTime, CountsPerSecondPerUnitIntensity = 1e5 };
        var curve = SaxsCamera.Measure(sample, settings, new Random(5));
        return Math.Sqrt(curve.Intensity.Zip(curve.Expected, (m, e) => ((m - e) / e) * ((m - e) / e)).Average());
    }
}
