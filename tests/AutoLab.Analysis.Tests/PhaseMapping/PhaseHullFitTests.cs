using AutoLab.Analysis.PhaseMapping;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Analysis.Tests.PhaseMapping;

public sealed class PhaseHullFitTests
{
    private const double CalledPresent = 0.95;
    private const double CalledAbsent = 0.05;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Calls_at_forty_random_compositions_recover_the_fe_ni_al_map_almost_everywhere(int seed)
    {
        PhaseHullModel model = FeNiAlHull.Model();
        PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();
        double[][] samples = FeNiAlHull.RandomPoints(40, seed);
        double[][] presence = [.. samples.Select(p => Calls(FeNiAlHull.TruthLabel(diagram, model, p), model.Phases.Count))];

        PhaseHullFit fit = PhaseHullFit.Fit(model, samples, presence, seed: seed);

        double accuracy = Accuracy(fit, model, diagram);
        Assert.True(accuracy >= 0.95, $"the fitted hull maps {accuracy:F3} of the lattice; parameters {string.Join(", ", fit.Parameters.Select(v => v.ToString("F3")))}");
    }

    [Fact]
    public void One_call_in_ten_flipped_still_leaves_the_map_mostly_right()
    {
        PhaseHullModel model = FeNiAlHull.Model();
        PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();
        double[][] samples = FeNiAlHull.RandomPoints(60, seed: 4);
        var flips = new Random(4);
        double[][] presence = [.. samples.Select(p => Calls(FeNiAlHull.TruthLabel(diagram, model, p), model.Phases.Count)
            .Select(c => flips.NextDouble() < 0.1 ? 1 - c : c).ToArray())];

        PhaseHullFit fit = PhaseHullFit.Fit(model, samples, presence, seed: 4);

        double accuracy = Accuracy(fit, model, diagram);
        Assert.True(accuracy >= 0.9, $"with 10 % of the calls flipped the hull maps {accuracy:F3} of the lattice");
    }

    [Fact]
    public void A_warm_start_at_the_optimum_is_kept_when_there_are_no_random_starts()
    {
        PhaseHullModel model = FeNiAlHull.Model();
        PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();
        double[][] samples = FeNiAlHull.RandomPoints(30, seed: 5);
        double[][] presence = [.. samples.Select(p => Calls(FeNiAlHull.TruthLabel(diagram, model, p), model.Phases.Count))];

        PhaseHullFit fit = PhaseHullFit.Fit(model, samples, presence, new PhaseHullFitOptions { Restarts = 0 }, seed: 5, warmStarts: [FeNiAlHull.TrueParameters]);

        Assert.True(Accuracy(fit, model, diagram) >= 0.99);
        Assert.Equal(30, fit.Observations);
    }

    [Fact]
    public void A_presence_outside_zero_to_one_is_refused_with_its_row_named()
    {
        PhaseHullModel model = FeNiAlHull.Model();
        double[][] points = [[0.2, 0.2], [0.3, 0.3]];
        double[][] presence = [[0, 0, 1, 0, 0, 0], [0, 0, double.NaN, 0, 0, 0]];

        var error = Assert.Throws<ArgumentException>(() => PhaseHullFit.Fit(model, points, presence));

        Assert.Contains("presence row 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_refused_with_each_setting_named()
    {
        PhaseHullModel model = FeNiAlHull.Model();
        var options = new PhaseHullFitOptions { ErrorFloor = 0.6, StepWidths = [], Restarts = 0 };

        var error = Assert.Throws<ArgumentException>(() => PhaseHullFit.Fit(model, [[0.2, 0.2]], [[0, 0, 1, 0, 0, 0]], options));

        Assert.Contains("ErrorFloor", error.Message, StringComparison.Ordinal);
        Assert.Contains("StepWidths", error.Message, StringComparison.Ordinal);
    }

    private static double[] Calls(ulong label, int phases) =>
        [.. Enumerable.Range(0, phases).Select(j => ((label >> j) & 1) == 1 ? CalledPresent : CalledAbsent)];

    private static double Accuracy(PhaseHullFit fit, PhaseHullModel model, PhaseDiagram diagram)
    {
        double[][] lattice = FeNiAlHull.Lattice(60);
        ulong[] labels = fit.Labels(lattice, 0.05);
        return lattice.Select((p, i) => labels[i] == FeNiAlHull.TruthLabel(diagram, model, p) ? 1.0 : 0.0).Average();
    }
}
