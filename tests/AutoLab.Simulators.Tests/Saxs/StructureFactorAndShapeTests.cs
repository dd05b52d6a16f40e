using AutoLab.Simulators.Saxs;

namespace AutoLab.Simulators.Tests.Saxs;

/// <summary>
/// The Percus–Yevick structure factor and the non-spherical shapes reduce to known limits: S(0) = (1 − φ)⁴/(1 + 2φ)²,
/// S → 1 at large q, a cylinder's Rg² = R²/2 + L²/12, a prolate ellipsoid's Rg² = (2R² + R_p²)/5, the adaptive orientation
/// average agrees with a brute-force one, an ellipsoid of aspect 1 is a sphere, a core–shell
/// sphere with equal contrasts is a plain sphere, and a Gaussian chain has Guinier Rg and a 2/(qRg)² tail.
/// </summary>
public sealed class StructureFactorAndShapeTests
{
    /// <summary>The low-q series and the closed form agree to rounding; this bounds both.</summary>
    private const double StructureFactorTolerance = 1e-9;

    /// <summary>Relative bias of a Guinier fit over qRg ≤ 0.2 plus quadrature error of the orientation average.</summary>
    private const double GuinierTolerance = 0.003;

    /// <summary>Series (truncated after A⁴) and closed form at their switch A = 0.2: the neglected A⁶ terms are about 1e-9.</summary>
    private const double SwitchTolerance = 1e-8;

    /// <summary>Adaptive Gauss–Legendre orientation average against a 2000-node reference (relative).</summary>
    private const double OrientationTolerance = 1e-6;

    /// <summary>Far more nodes than the 32 periods of sinc² at qL/2 = 100 need.</summary>
    private static readonly GaussLegendre ReferenceRule = GaussLegendre.Create(2000, 0.0, 1.0);

    /// <summary>The Debye function reaches its 2/(qRg)² asymptote to within e^−x/x² relative terms; at qRg = 80 only 1/x remains.</summary>
    private const double DebyeTailTolerance = 1e-3;

    /// <summary>S(q = 5 Å⁻¹) of 50 Å spheres: the oscillations about 1 decay as 1/A² and are below this.</summary>
    private const double LargeQTolerance = 0.01;

    /// <summary>Two routes to the same number: only rounding differs.</summary>
    private const double IdentityTolerance = 1e-10;

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    [InlineData(0.4)]
    public void Percus_Yevick_S_tends_to_the_compressibility_limit_at_low_q(double phi)
    {
        double expected = Math.Pow(1.0 - phi, 4) / Math.Pow(1.0 + (2.0 * phi), 2);

        Assert.Equal(expected, PercusYevick.StructureFactor(1e-6, 50.0, phi), StructureFactorTolerance);
    }

    [Fact]
    public void Percus_Yevick_series_and_closed_form_meet_where_they_switch()
    {
        // A = 2qR = 0.2 is the switch; just below uses the series, just above the closed form.
        double below = PercusYevick.StructureFactor(0.2 * (1 - 1e-9) / 100.0, 50.0, 0.3);
        double above = PercusYevick.StructureFactor(0.2 * (1 + 1e-9) / 100.0, 50.0, 0.3);

        Assert.Equal(below, above, SwitchTolerance);
    }

    [Fact]
    public void Percus_Yevick_S_tends_to_one_at_large_q_and_peaks_near_the_contact_distance()
    {
        const double radius = 50.0;
        double peak = SphereFormFactorTests.GoldenSection(q => -PercusYevick.StructureFactor(q, radius, 0.3), 0.04, 0.09);

        Assert.Equal(1.0, PercusYevick.StructureFactor(5.0, radius, 0.3), LargeQTolerance);
        Assert.True(PercusYevick.StructureFactor(peak, radius, 0.3) > 1.3, "a dense hard-sphere fluid has a nearest-neighbour peak");
        Assert.InRange(peak * 2.0 * radius, 5.5, 7.5);
    }

    [Fact]
    public void Cylinder_orientation_average_gives_Guinier_Rg_squared_of_R2_over_2_plus_L2_over_12()
    {
        var sample = new SaxsSample { Model = SaxsModel.Cylinder, Radius = 20.0, Length = 100.0, Background = 0.0 };
        double expected = Math.Sqrt((20.0 * 20.0 / 2.0) + (100.0 * 100.0 / 12.0));

        Assert.Equal(expected, GuinierRadius(sample, expected), GuinierTolerance * expected);
    }

    [Fact]
    public void Prolate_ellipsoid_Guinier_Rg_squared_is_two_R2_plus_polar_R2_over_five()
    {
        var sample = new SaxsSample { Model = SaxsModel.Ellipsoid, Radius = 30.0, AspectRatio = 2.0, Background = 0.0 };
        double expected = Math.Sqrt(((2.0 * 30.0 * 30.0) + (60.0 * 60.0)) / 5.0);

        Assert.Equal(expected, GuinierRadius(sample, expected), GuinierTolerance * expected);
    }

    [Theory]
    [InlineData(SaxsModel.Cylinder, 0.1)]
    [InlineData(SaxsModel.Cylinder, 0.5)]
    [InlineData(SaxsModel.Ellipsoid, 0.5)]
    public void Adaptive_orientation_average_matches_a_brute_force_reference_at_high_q(SaxsModel model, double q)
    {
        var sample = new SaxsSample { Model = model, Radius = 20.0, Length = 400.0, AspectRatio = 3.0, Background = 0.0 };
        var rule = ReferenceRule;
        double average = 0.0;
        for (int j = 0; j < rule.Nodes.Count; j++)
        {
            double f = model == SaxsModel.Cylinder
                ? FormFactorAmplitudes.Cylinder(q, 20.0, 400.0, rule.Nodes[j])
                : FormFactorAmplitudes.Ellipsoid(q, 20.0, 60.0, rule.Nodes[j]);
            average += rule.Weights[j] * f * f;
        }

        double volume = ScatteringModel.Volume(sample, 20.0);
        double expected = 1e-4 * sample.VolumeFraction / volume * sample.Contrast * sample.Contrast * volume * volume * average;

        Assert.Equal(expected, SphereFormFactorTests.Intensity(sample, q), OrientationTolerance * expected);
    }

    [Fact]
    public void Gaussian_chain_Guinier_Rg_is_its_radius_and_its_tail_is_two_over_qRg_squared()
    {
        var sample = new SaxsSample { Model = SaxsModel.GaussianChain, Radius = 40.0, Background = 0.0 };
        double forward = SphereFormFactorTests.Intensity(sample, 1e-6);
        double q = 2.0;

        Assert.Equal(40.0, GuinierRadius(sample, 40.0), GuinierTolerance * 40.0);
        Assert.Equal(2.0 / (q * q * 40.0 * 40.0), SphereFormFactorTests.Intensity(sample, q) / forward, DebyeTailTolerance * 2.0 / (q * q * 1600.0));
    }

    [Fact]
    public void Ellipsoid_of_aspect_one_and_core_shell_of_equal_contrast_are_plain_spheres()
    {
        var sphere = new SaxsSample { Radius = 30.0, Polydispersity = 0.1, Background = 0.0 };
        var ellipsoid = sphere with { Model = SaxsModel.Ellipsoid, AspectRatio = 1.0 };
        var coreShell = sphere with { Model = SaxsModel.CoreShell, Radius = 20.0, ShellThickness = 10.0, ShellContrast = sphere.Contrast, Polydispersity = 0.0 };
        var monodisperse = sphere with { Polydispersity = 0.0 };

        foreach (double q in new[] { 0.01, 0.1, 0.17, 0.3 })
        {
            double reference = SphereFormFactorTests.Intensity(sphere, q);
            Assert.Equal(reference, SphereFormFactorTests.Intensity(ellipsoid, q), IdentityTolerance * reference);
            double mono = SphereFormFactorTests.Intensity(monodisperse, q);
            Assert.Equal(mono, SphereFormFactorTests.Intensity(coreShell, q), IdentityTolerance * mono);
        }
    }

    [Fact]
    public void Forward_intensity_is_volume_fraction_times_contrast_squared_times_volume()
    {
        var sample = new SaxsSample { Radius = 50.0, VolumeFraction = 0.02, Contrast = 3.0, Background = 0.0 };
        double volume = 4.0 / 3.0 * Math.PI * Math.Pow(50.0, 3);
        double expected = 1e-4 * 0.02 * 9.0 * volume;

        Assert.Equal(expected, SphereFormFactorTests.Intensity(sample, 1e-7), IdentityTolerance * expected);
    }

    private static double GuinierRadius(SaxsSample sample, double expectedRg)
    {
        double[] q = [.. Enumerable.Range(1, 30).Select(i => i * 0.2 / 30 / expectedRg)];
        double[] intensity = new double[q.Length];
        ScatteringModel.Intensity(sample, q, intensity);
        double slope = SphereFormFactorTests.Slope([.. q.Select(v => v * v)], [.. intensity.Select(v => Math.Log(v))]);
        return Math.Sqrt(-3.0 * slope);
    }
}
