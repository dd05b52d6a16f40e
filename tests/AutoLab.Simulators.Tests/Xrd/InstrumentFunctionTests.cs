using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Xrd;

/// <summary>The background is the Chebyshev series in 2θ, and a second wavelength adds the Kα2 line where Bragg's law puts it.</summary>
public sealed class InstrumentFunctionTests
{
    private const double RateTolerance = 1e-9;
    private const double PositionTolerance = 0.005;

    private readonly PowderPatternSimulator _simulator = new();

    [Theory]
    [InlineData(20.0)]
    [InlineData(90.0)]
    [InlineData(150.0)]
    public void Background_is_the_Chebyshev_series_in_two_theta(double twoTheta)
    {
        var settings = new DiffractometerSettings { Background = [40.0, -10.0, 5.0, 2.0] };
        var range = new ScanRange(twoTheta, twoTheta + 0.01, 0.01, 1.0);

        var rate = _simulator.Expected([], settings, range).Counts[0];

        var x = (twoTheta - 90.0) / 90.0;
        var expected = 40.0 - (10.0 * x) + (5.0 * ((2 * x * x) - 1)) + (2.0 * ((4 * x * x * x) - (3 * x)));
        Assert.Equal(expected, rate, RateTolerance);
    }

    [Fact]
    public void Second_wavelength_adds_the_K_alpha_2_peak_at_half_height()
    {
        var settings = new DiffractometerSettings { Wavelength2 = DiffractometerSettings.CopperKAlpha2, Background = [0.0], U = 0, V = 0, W = 0.0004 };
        var range = new ScanRange(87.5, 88.8, 0.001, 1.0);

        var pattern = _simulator.Expected([new PhaseContribution(BuiltInStructures.Get("Si"), 1.0, null)], settings, range);

        // Si (422): sin θ2 = (λ2/λ1) sin θ1 moves the Kα2 line about 0.27° up at 2θ = 88°.
        var alpha1 = _simulator.Reflections(BuiltInStructures.Get("Si"), settings, 89).Single(r => (r.H, r.K, r.L) == (4, 2, 2)).TwoTheta;
        var alpha2 = 2 * Math.Asin(DiffractometerSettings.CopperKAlpha2 / DiffractometerSettings.CopperKAlpha1 * Math.Sin(alpha1 * Math.PI / 360)) * 180 / Math.PI;
        var top1 = Highest(pattern, alpha1);
        var top2 = Highest(pattern, alpha2);
        Assert.Equal(alpha1, top1.TwoTheta, PositionTolerance);
        Assert.Equal(alpha2, top2.TwoTheta, PositionTolerance);
        Assert.Equal(0.5, top2.Counts / top1.Counts, 0.05);
    }

    private static (double TwoTheta, double Counts) Highest(PowderPattern pattern, double near) =>
        Enumerable.Range(0, pattern.Counts.Count)
            .Where(i => Math.Abs(pattern.TwoTheta[i] - near) < 0.05)
            .Select(i => (pattern.TwoTheta[i], pattern.Counts[i]))
            .MaxBy(p => p.Item2);
}
