using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Xrd;

/// <summary>Relative peak heights follow from structure factors, multiplicities, Lorentz–polarisation, Debye–Waller factors and profiles as in reference patterns.</summary>
public sealed class IntensityTests
{
    // Reference patterns list intensities rounded to whole per cent and measured on real samples; 25 % of
    // the strongest line (or 5 points absolute for weak lines) separates right from wrong physics.
    private const double RelativeTolerance = 0.25;
    private const double AbsoluteTolerance = 5.0;

    private readonly PowderPatternSimulator _simulator = new();
    private readonly DiffractometerSettings _settings = new();

    [Fact]
    public void Rock_salt_relative_intensities_match_the_reference_pattern()
    {
        // Halite, ICDD PDF 05-0628 (Swanson and Fuyat 1953), Cu Kα: relative peak intensities.
        var reference = new Dictionary<(int, int, int), double>
        {
            [(1, 1, 1)] = 13, [(2, 0, 0)] = 100, [(2, 2, 0)] = 55, [(3, 1, 1)] = 2, [(2, 2, 2)] = 15, [(4, 0, 0)] = 6, [(4, 2, 0)] = 11,
        };

        var computed = Relative(BuiltInStructures.Get("NaCl"), 80);

        foreach (var (hkl, expected) in reference)
        {
            Assert.True(Math.Abs(computed[hkl] - expected) <= Math.Max(AbsoluteTolerance, RelativeTolerance * expected),
                $"{hkl}: computed {computed[hkl]:F1} against reference {expected}");
        }
    }

    [Fact]
    public void Silicon_relative_intensities_match_the_reference_pattern()
    {
        // Silicon, NIST SRM 640 / ICDD PDF 27-1402, Cu Kα: (111) 100, (220) 55, (311) 30, (400) 6, (331) 11.
        var reference = new Dictionary<(int, int, int), double>
        {
            [(1, 1, 1)] = 100, [(2, 2, 0)] = 55, [(3, 1, 1)] = 30, [(4, 0, 0)] = 6, [(3, 3, 1)] = 11,
        };

        var computed = Relative(BuiltInStructures.Get("Si"), 80);

        foreach (var (hkl, expected) in reference)
        {
            Assert.True(Math.Abs(computed[hkl] - expected) <= Math.Max(AbsoluteTolerance, RelativeTolerance * expected),
                $"{hkl}: computed {computed[hkl]:F1} against reference {expected}");
        }
    }

    [Fact]
    public void Debye_Waller_factor_weakens_high_angle_lines()
    {
        var cold = BuiltInStructures.Get("Cu");
        var hot = cold with { Sites = [cold.Sites[0] with { Biso = 2.0 }] };

        var coldRatio = Ratio(_simulator.Reflections(cold, _settings, 140));
        var hotRatio = Ratio(_simulator.Reflections(hot, _settings, 140));

        // exp(−2ΔB s²) between the last and first line: the ratio falls by exactly that factor.
        var first = _simulator.Reflections(cold, _settings, 140)[0];
        var last = _simulator.Reflections(cold, _settings, 140)[^1];
        var expected = Math.Exp(-2 * (2.0 - 0.55) * ((1 / (4 * last.D * last.D)) - (1 / (4 * first.D * first.D))));
        Assert.Equal(expected, hotRatio / coldRatio, 1e-9);
        Assert.True(hotRatio < coldRatio, "a larger B must weaken the high-angle line relative to the first");
    }

    private static double Ratio(IReadOnlyList<Reflection> reflections) => reflections[^1].FSquared / reflections[0].FSquared;

    // Reference patterns list peak heights measured with Cu Kα1 + Kα2, so compare peak heights of a simulated
    // Kα1 + Kα2 pattern: peaks broaden and the doublet splits with angle, lowering high-angle heights
    // relative to integrated intensities.
    private Dictionary<(int, int, int), double> Relative(CrystalStructure structure, double twoThetaMax)
    {
        var settings = _settings with { Wavelength2 = DiffractometerSettings.CopperKAlpha2, Background = [0.0] };
        var range = new ScanRange(10, twoThetaMax + 2, 0.01, 1.0);
        var pattern = _simulator.Expected([new PhaseContribution(structure, 1.0)], settings, range);
        var heights = _simulator.Reflections(structure, _settings, twoThetaMax).ToDictionary(
            r => (r.H, r.K, r.L),
            r => Enumerable.Range(0, range.Points).Where(i => Math.Abs(range.At(i) - r.TwoTheta) < 0.1).Max(i => pattern.Counts[i]));
        var strongest = heights.Values.Max();
        return heights.ToDictionary(p => p.Key, p => 100 * p.Value / strongest);
    }
}
