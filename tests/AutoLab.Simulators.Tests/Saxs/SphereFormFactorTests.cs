using AutoLab.Simulators.Saxs;

namespace AutoLab.Simulators.Tests.Saxs;

/// <summary>
/// The sphere form factor has the textbook features every SAXS user checks: zeros at qR = 4.493 and 7.725
/// (roots of tan x = x), a Guinier radius of gyration of √(3/5)·R and a q⁻⁴ Porod tail.
/// </summary>
public sealed class SphereFormFactorTests
{
    /// <summary>The first two roots of tan x = x, to the digits quoted in the literature.</summary>
    private const double FirstZero = 4.493409;
    private const double SecondZero = 7.725252;

    /// <summary>Golden-section search resolves the minimum to well below this.</summary>
    private const double ZeroTolerance = 1e-4;

    /// <summary>Guinier's law is exact only as q → 0; over qR ≤ 0.3 the q⁴ term biases Rg by less than this (relative).</summary>
    private const double GuinierTolerance = 0.002;

    /// <summary>A log-log slope over a decade of a smoothed (polydisperse) tail.</summary>
    private const double PorodSlopeTolerance = 0.05;

    private const double Radius = 50.0;

    [Theory]
    [InlineData(3.5, 5.5, FirstZero)]
    [InlineData(6.5, 8.5, SecondZero)]
    public void Form_factor_minima_lie_at_the_roots_of_tan_x_equals_x(double lower, double upper, double expected)
    {
        double minimum = GoldenSection(x => Square(FormFactorAmplitudes.Sphere(x)), lower, upper);

        Assert.Equal(expected, minimum, ZeroTolerance);
        Assert.True(Square(FormFactorAmplitudes.Sphere(minimum)) < 1e-12, "the sphere form factor vanishes at its minima");
    }

    [Fact]
    public void Monodisperse_intensity_has_its_first_minimum_at_q_equal_4_493_over_R()
    {
        var sample = new SaxsSample { Radius = Radius, Background = 0.0 };
        double minimum = GoldenSection(q => Intensity(sample, q), 3.5 / Radius, 5.5 / Radius);

        Assert.Equal(FirstZero / Radius, minimum, ZeroTolerance / Radius);
    }

    [Fact]
    public void Guinier_fit_at_small_q_gives_a_radius_of_gyration_of_root_three_fifths_R()
    {
        var sample = new SaxsSample { Radius = Radius, Background = 0.0 };
        double[] q = [.. Enumerable.Range(1, 40).Select(i => i * 0.3 / 40 / Radius)];
        double[] intensity = new double[q.Length];
        ScatteringModel.Intensity(sample, q, intensity);

        double slope = Slope([.. q.Select(v => v * v)], [.. intensity.Select(v => Math.Log(v))]);
        double rg = Math.Sqrt(-3.0 * slope);

        Assert.Equal(Math.Sqrt(3.0 / 5.0) * Radius, rg, GuinierTolerance * Radius);
    }

    [Fact]
    public void Porod_tail_falls_as_q_to_the_minus_four()
    {
        // Polydispersity washes out the oscillations so a straight line through the tail is meaningful.
        var sample = new SaxsSample { Radius = Radius, Polydispersity = 0.15, Background = 0.0 };
        double[] q = [.. Enumerable.Range(0, 60).Select(i => 20.0 / Radius * Math.Pow(10.0, i / 59.0))];
        double[] intensity = new double[q.Length];
        ScatteringModel.Intensity(sample, q, intensity);

        double slope = Slope([.. q.Select(v => Math.Log(v))], [.. intensity.Select(v => Math.Log(v))]);

        Assert.Equal(-4.0, slope, PorodSlopeTolerance);
    }

    internal static double Intensity(SaxsSample sample, double q)
    {
        double[] result = new double[1];
        ScatteringModel.Intensity(sample, [q], result);
        return result[0];
    }

    internal static double Slope(double[] x, double[] y)
    {
        double mx = x.Average();
        double my = y.Average();
        double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        double sxx = x.Sum(a => (a - mx) * (a - mx));
        return sxy / sxx;
    }

    internal static double GoldenSection(Func<double, double> f, double lower, double upper)
    {
        double ratio = (Math.Sqrt(5.0) - 1.0) / 2.0;
        double a = lower, b = upper;
        for (int i = 0; i < 200 && b - a > 1e-12 * Math.Abs(b); i++)
        {
            double c = b - (ratio * (b - a));
            double d = a + (ratio * (b - a));
            if (f(c) < f(d))
            {
                b = d;
            }
            else
            {
                a = c;
            }
        }

        return 0.5 * (a + b);
    }

    private static double Square(double x) => x * x;
}
