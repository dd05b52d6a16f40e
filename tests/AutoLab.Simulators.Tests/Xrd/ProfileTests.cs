using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Xrd;

/// <summary>The pseudo-Voigt is normalised, its width mixing reduces to the pure shapes, and small crystallites broaden peaks as Scherrer says.</summary>
public sealed class ProfileTests
{
    private const double AreaTolerance = 1e-3;
    private const double WidthTolerance = 0.01;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Profile_integrates_to_one(double eta)
    {
        const double fwhm = 0.1;
        const double step = 0.0005;
        double area = 0;
        for (var x = -200 * fwhm; x <= 200 * fwhm; x += step)
        {
            area += PseudoVoigt.Evaluate(x, fwhm, eta) * step;
        }

        // A Lorentzian cut at ±200 FWHM misses 2/(π·400) of its area.
        Assert.Equal(1.0 - (eta * 2 / (Math.PI * 400)), area, AreaTolerance);
    }

    [Fact]
    public void Width_mixing_reduces_to_the_pure_shapes()
    {
        var (gaussOnly, gaussEta) = PseudoVoigt.Combine(0.1, 0.0);
        var (lorentzOnly, lorentzEta) = PseudoVoigt.Combine(0.0, 0.1);

        Assert.Equal(0.1, gaussOnly, 1e-12);
        Assert.Equal(0.0, gaussEta, 1e-12);
        Assert.Equal(0.1, lorentzOnly, 1e-12);
        Assert.Equal(1.0, lorentzEta, 1e-4);
    }

    [Fact]
    public void Small_crystallites_broaden_the_peak_by_the_Scherrer_width()
    {
        var settings = new DiffractometerSettings { U = 0, V = 0, W = 1e-8, Background = [0.0] };
        var range = new ScanRange(26, 31, 0.0005, 1.0);
        const double size = 20.0;
        var pattern = new PowderPatternSimulator().Expected([new PhaseContribution(BuiltInStructures.Get("Si"), 1.0, size)], settings, range);

        var measured = Fwhm(pattern);

        // β = Kλ/(D cos θ) in radians, D = 20 nm = 200 Å, θ = 14.22°.
        var expected = 0.9 * 1.5406 / (200 * Math.Cos(14.221 * Math.PI / 180)) * 180 / Math.PI;
        Assert.Equal(expected, measured, WidthTolerance * expected * 10);
    }

    private static double Fwhm(PowderPattern pattern)
    {
        var peak = pattern.Counts.Max();
        var above = Enumerable.Range(0, pattern.Counts.Count).Where(i => pattern.Counts[i] >= peak / 2).ToList();
        return pattern.TwoTheta[above[^1]] - pattern.TwoTheta[above[0]];
    }
}
