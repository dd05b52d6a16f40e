using AutoLab.Analysis.Adaptive;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Tests.Adaptive;

/// <summary>
/// With a strain tolerance the policy tells an ordered phase from its disordered parent by the superlattice
/// lines only the ordered one has, not by shared lines whose nominal positions differ by less than strain
/// moves them.
/// </summary>
public class AdaptiveXrdStrainTolerancePolicyTests
{
    // ±1.5 % isotropic plus 0.3 % axial strain, the training generator's defaults.
    private const double Strain = 0.018;

    private static readonly XrdPatternGrid Grid = new(20.0, 80.0, 480);

    private static readonly IReadOnlyList<DiagramPhase> Phases =
    [
        new DiagramPhase("Ni", BuiltInStructures.Get("Ni")),
        new DiagramPhase("Ni3Al", BuiltInStructures.Get("Ni3Al")),
        new DiagramPhase("alpha-Fe", BuiltInStructures.Get("alpha-Fe")),
    ];

    [Fact]
    public void With_a_strain_tolerance_the_window_covers_a_superlattice_line_of_the_ordered_phase()
    {
        AdaptiveXrdPolicy policy = new(Phases, Grid, new DiffractometerSettings(), new AdaptiveXrdOptions { StrainTolerance = Strain });

        // Ni and Ni3Al are in doubt; α-Fe is clearly absent.
        AdaptiveXrdDecision decision = policy.Decide(FastScan(), Prediction(0.5, 0.45, 0.01), windowsMeasured: 0);

        double[] superlattice = [Bragg(1, 0, 0), Bragg(1, 1, 0), Bragg(2, 1, 0), Bragg(2, 1, 1)];
        double[] fundamental = [Bragg(1, 1, 1), Bragg(2, 0, 0), Bragg(2, 2, 0)];
        Assert.Contains(superlattice, t => decision.WindowStart <= t && t <= decision.WindowStop);
        Assert.DoesNotContain(fundamental, t => decision.WindowStart <= t && t <= decision.WindowStop);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.2)]
    public void A_strain_tolerance_outside_zero_to_a_fifth_is_refused(double tolerance)
    {
        Assert.Throws<ArgumentException>(new AdaptiveXrdOptions { StrainTolerance = tolerance }.Validate);
    }

    // 2θ (degrees) of reflection hkl of Ni3Al's cubic cell under Cu Kα1.
    private static double Bragg(int h, int k, int l)
    {
        double d = Phases[1].Structure.Cell.A / Math.Sqrt((h * h) + (k * k) + (l * l));
        return 2.0 * Math.Asin(new DiffractometerSettings().Wavelength / (2.0 * d)) * 180.0 / Math.PI;
    }

    private static AdaptiveXrdMeasurement FastScan()
    {
        AdaptiveXrdMeasurement measurement = new(Grid);
        measurement.Add(new PowderPatternSimulator().Expected(
            [new PhaseContribution(Phases[1].Structure, 1.0)], new DiffractometerSettings(), AdaptiveXrdPolicy.FullScan(Grid, 0.05)));
        return measurement;
    }

    private static PhasePrediction Prediction(params double[] presence)
    {
        int top = Array.IndexOf(presence, presence.Max());
        return new PhasePrediction(
            [.. Phases.Select(p => p.Name)],
            presence,
            [.. presence.Select(_ => 0.0)],
            [.. presence.Select((p, j) => j == top ? 1.0 : 0.0)],
            [.. presence.Select(_ => 0.0)],
            top,
            presence[top]);
    }
}
