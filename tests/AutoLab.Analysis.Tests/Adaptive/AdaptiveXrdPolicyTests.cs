using AutoLab.Analysis.Adaptive;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Tests.Adaptive;

/// <summary>
/// The policy stops on a confident prediction and otherwise re-measures the window where its candidates'
/// expected patterns differ: a line only one of them has, not the lines they share.
/// </summary>
public class AdaptiveXrdPolicyTests
{
    // Al (111) at 2θ = 38.5° (Cu Kα1) is the strongest line that α-Fe lacks; (200) of Al and (110) of α-Fe both
    // lie near 44.7°, and Al (220) and α-Fe (200) near 65°.
    private const double AluminiumOnlyLine = 38.47;

    private static readonly XrdPatternGrid Grid = new(20.0, 80.0, 480);

    private static readonly IReadOnlyList<DiagramPhase> Phases =
    [
        new DiagramPhase("Al", BuiltInStructures.Get("Al")),
        new DiagramPhase("alpha-Fe", BuiltInStructures.Get("alpha-Fe")),
        new DiagramPhase("Ni3Al", BuiltInStructures.Get("Ni3Al")),
    ];

    [Fact]
    public void An_unsure_prediction_gets_a_window_over_the_line_only_one_candidate_has()
    {
        AdaptiveXrdPolicy policy = new(Phases, Grid, new DiffractometerSettings(), new AdaptiveXrdOptions { WindowWidth = 6.0 });
        AdaptiveXrdMeasurement measurement = FastScan(Phases[1].Structure, 0.05);

        // Al and α-Fe are the two least-decided phases; Ni3Al is clearly absent.
        AdaptiveXrdDecision decision = policy.Decide(measurement, Prediction(0.45, 0.6, 0.02), windowsMeasured: 0);

        Assert.False(decision.Stop, "confidence 0.55 is below the 0.95 threshold");
        Assert.Equal(["Al", "alpha-Fe"], decision.Candidates.Order(StringComparer.Ordinal));
        Assert.True(decision.WindowStart <= AluminiumOnlyLine && decision.WindowStop >= AluminiumOnlyLine,
            $"window {decision.WindowStart:F2}..{decision.WindowStop:F2}° should cover the Al-only (111) line at {AluminiumOnlyLine}°");
        Assert.Equal(0.02 * 8.0, decision.CountTime, 12);
    }

    [Fact]
    public void A_confident_prediction_stops_without_a_window()
    {
        AdaptiveXrdPolicy policy = new(Phases, Grid, new DiffractometerSettings(), new AdaptiveXrdOptions());

        AdaptiveXrdDecision decision = policy.Decide(FastScan(Phases[1].Structure, 0.05), Prediction(0.01, 0.99, 0.03), windowsMeasured: 0);

        Assert.True(decision.Stop);
        Assert.Equal("confident", decision.Reason);
        Assert.Equal(0.97, decision.Confidence, 12);
    }

    [Fact]
    public void The_step_bound_stops_an_unsure_measurement()
    {
        AdaptiveXrdPolicy policy = new(Phases, Grid, new DiffractometerSettings(), new AdaptiveXrdOptions { MaxSteps = 2 });

        AdaptiveXrdDecision decision = policy.Decide(FastScan(Phases[1].Structure, 0.05), Prediction(0.45, 0.6, 0.02), windowsMeasured: 2);

        Assert.True(decision.Stop);
        Assert.Equal("max-steps", decision.Reason);
    }

    [Fact]
    public void A_window_already_counted_scores_less_than_before()
    {
        AdaptiveXrdPolicy policy = new(Phases, Grid, new DiffractometerSettings(), new AdaptiveXrdOptions());
        AdaptiveXrdMeasurement measurement = FastScan(Phases[1].Structure, 0.05);
        int line = (int)Math.Round((AluminiumOnlyLine - Grid.Start) / Grid.Step);
        double before = policy.Scores(measurement, [0, 1], 0.4)[line];

        measurement.Add(new PowderPatternSimulator().Expected(
            [new PhaseContribution(Phases[1].Structure, 1.0)],
            new DiffractometerSettings(),
            new ScanRange(Grid.At(line - 10), Grid.At(line + 10) + (Grid.Step * 0.5), Grid.Step, 0.4)));
        double after = policy.Scores(measurement, [0, 1], 0.4)[line];

        Assert.True(after < before, $"score {after:G4} after counting 0.4 s more should fall below {before:G4}");
    }

    private static AdaptiveXrdMeasurement FastScan(CrystalStructure structure, double countTime)
    {
        AdaptiveXrdMeasurement measurement = new(Grid);
        measurement.Add(new PowderPatternSimulator().Expected(
            [new PhaseContribution(structure, 1.0)], new DiffractometerSettings(), AdaptiveXrdPolicy.FullScan(Grid, countTime)));
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
