using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Xrd;

/// <summary>Peak positions, extinctions and multiplicities agree with textbook values (Cu Kα1, λ = 1.5406 Å).</summary>
public sealed class BraggPeakTests
{
    private const double TwoThetaTolerance = 0.005;
    private const double ExtinctFSquared = 1e-9;

    private readonly PowderPatternSimulator _simulator = new();
    private readonly DiffractometerSettings _settings = new();

    [Fact]
    public void Silicon_111_is_at_28_44_degrees_and_200_is_extinct()
    {
        var silicon = BuiltInStructures.Get("Si");
        var reflections = _simulator.Reflections(silicon, _settings, 85);

        var first = reflections[0];
        Assert.Equal((1, 1, 1), Indices(first));
        Assert.Equal(28.44, first.TwoTheta, 0.01);
        Assert.Equal(8, first.Multiplicity);
        Assert.DoesNotContain(reflections, r => Indices(r) == (2, 0, 0));
        Assert.Equal(0.0, _simulator.ModelFor(silicon, _settings.Wavelength).StructureFactorSquared(silicon, 2, 0, 0), ExtinctFSquared);
        // The diamond glide leaves (220), (311), (400), (331) and removes (222) as well.
        Assert.Equal([(1, 1, 1), (2, 2, 0), (3, 1, 1), (4, 0, 0), (3, 3, 1)], reflections.Select(Indices));
        Assert.Equal(47.30, reflections[1].TwoTheta, 0.01);
        Assert.Equal(56.12, reflections[2].TwoTheta, 0.01);
    }

    [Fact]
    public void Body_centred_iron_shows_only_even_index_sums()
    {
        var reflections = _simulator.Reflections(BuiltInStructures.Get("alpha-Fe"), _settings, 120);

        Assert.All(reflections, r => Assert.Equal(0, (r.H + r.K + r.L) % 2));
        Assert.Equal((1, 1, 0), Indices(reflections[0]));
        Assert.Equal(44.67, reflections[0].TwoTheta, 0.01);
        Assert.Equal(12, reflections[0].Multiplicity);
    }

    [Fact]
    public void Hexagonal_magnesium_has_hexagonal_multiplicities()
    {
        var reflections = _simulator.Reflections(BuiltInStructures.Get("Mg"), _settings, 60).ToDictionary(Indices);

        Assert.Equal(6, reflections[(1, 0, 0)].Multiplicity);
        Assert.Equal(2, reflections[(0, 0, 2)].Multiplicity);
        Assert.Equal(12, reflections[(1, 0, 1)].Multiplicity);
        // d(002) = c/2 = 2.6054 Å → 2θ = 34.40°.
        Assert.Equal(34.40, reflections[(0, 0, 2)].TwoTheta, 0.01);
        Assert.False(reflections.ContainsKey((0, 0, 1)), "(001) is extinct by the 6₃ screw axis");
    }

    [Fact]
    public void Magnetite_strongest_line_is_311_near_35_4_degrees()
    {
        var reflections = _simulator.Reflections(BuiltInStructures.Get("Fe3O4"), _settings, 80);

        var strongest = reflections.MaxBy(r => r.Multiplicity * r.FSquared * LorentzPolarisation(r.TwoTheta));
        Assert.Equal((3, 1, 1), Indices(strongest));
        Assert.Equal(35.42, strongest.TwoTheta, 0.02);
    }

    [Fact]
    public void Peak_position_moves_with_the_zero_shift()
    {
        const double shift = 0.1;
        var silicon = new[] { new PhaseContribution(BuiltInStructures.Get("Si"), 1.0, 200.0) };
        var range = new ScanRange(27.5, 29.5, 0.001, 1.0);

        var plain = _simulator.Expected(silicon, _settings, range);
        var shifted = _simulator.Expected(silicon, _settings with { ZeroShift = shift }, range);

        Assert.Equal(PeakTop(plain) + shift, PeakTop(shifted), TwoThetaTolerance);
        Assert.Equal(28.44, PeakTop(plain), 0.01);
    }

    [Fact]
    public void Sample_displacement_shifts_peaks_by_two_s_cos_theta_over_R()
    {
        var silicon = new[] { new PhaseContribution(BuiltInStructures.Get("Si"), 1.0, 200.0) };
        var range = new ScanRange(27.5, 29.5, 0.001, 1.0);

        var plain = _simulator.Expected(silicon, _settings, range);
        var displaced = _simulator.Expected(silicon, _settings with { SampleDisplacement = 0.2 }, range);

        // Δ2θ = −2 s cos θ / R = −2 × 0.2 mm × cos 14.22° / 240 mm rad = −0.0926°.
        var expected = -2 * 0.2 * Math.Cos(14.221 * Math.PI / 180) / 240 * 180 / Math.PI;
        Assert.Equal(expected, PeakTop(displaced) - PeakTop(plain), TwoThetaTolerance);
    }

    internal static double LorentzPolarisation(double twoTheta)
    {
        var theta = twoTheta * Math.PI / 360;
        return (1 + Math.Pow(Math.Cos(2 * theta), 2)) / (Math.Pow(Math.Sin(theta), 2) * Math.Cos(theta));
    }

    internal static double PeakTop(PowderPattern pattern)
    {
        var best = 0;
        for (var i = 1; i < pattern.Counts.Count; i++)
        {
            if (pattern.Counts[i] > pattern.Counts[best])
            {
                best = i;
            }
        }

        return pattern.TwoTheta[best];
    }

    private static (int, int, int) Indices(Reflection r) => (r.H, r.K, r.L);
}
