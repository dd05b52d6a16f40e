using AutoLab.Analysis.PhaseMapping;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Analysis.Tests.PhaseMapping;

public sealed class PhaseHullModelTests
{
    [Fact]
    public void The_free_parameters_are_every_energy_not_fixed_by_a_pure_element_and_each_solutions_interaction()
    {
        PhaseHullModel model = FeNiAlHull.Model();

        Assert.Equal(
            ["E1(gamma-(Ni,Fe))", "Ω(gamma-(Ni,Fe))", "E0(B2-(Ni,Fe)Al)", "E1(B2-(Ni,Fe)Al)", "Ω(B2-(Ni,Fe)Al)", "E(Ni3Al)", "E(Fe3Al)"],
            model.ParameterNames);
        Assert.Equal([true, false, true, true, false, true, true], model.IsEnergy);
        Assert.Equal(2 + 9 + 9 + 2, model.NodeCount);
    }

    [Fact]
    public void At_the_simulators_energies_the_hull_gives_the_simulators_equilibrium_fractions()
    {
        PhaseHullModel model = FeNiAlHull.Model();
        PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();
        double[][] points = FeNiAlHull.RandomPoints(300, seed: 7);
        double[] fractions = new double[points.Length * model.Phases.Count];

        model.Fractions(FeNiAlHull.TrueParameters, points, fractions);

        for (int i = 0; i < points.Length; i++)
        {
            double[] expected = new double[model.Phases.Count];
            foreach (PhaseFraction phase in diagram.Equilibrium([points[i][0], points[i][1], 1 - points[i][0] - points[i][1]]))
            {
                expected[model.Phases.ToList().FindIndex(p => p.Name == phase.Phase)] = phase.Fraction;
            }

            for (int j = 0; j < expected.Length; j++)
            {
                Assert.True(Math.Abs(expected[j] - fractions[(i * expected.Length) + j]) < 1e-6,
                    $"at ({points[i][0]:F4}, {points[i][1]:F4}) phase {model.Phases[j].Name}: simulator {expected[j]:F6}, hull {fractions[(i * expected.Length) + j]:F6}");
            }
        }
    }

    [Fact]
    public void A_compound_above_the_hull_is_nowhere_present_and_reports_how_far_above_it_lies()
    {
        // A–B binary edge: A at (1,0,0), B at (0,1,0), AB at (0.5,0.5,0) with energy e; C the third corner.
        var model = new PhaseHullModel([
            HullPhase.Compound("A", 1, 0, 0),
            HullPhase.Compound("B", 0, 1, 0),
            HullPhase.Compound("C", 0, 0, 1),
            HullPhase.Compound("AB", 0.5, 0.5, 0)]);
        double[][] points = [[0.5, 0.5], [0.4, 0.4], [0.7, 0.2]];
        double[] fractions = new double[points.Length * 4];
        double[] above = new double[4];

        model.Fractions([0.1], points, fractions, above);

        Assert.All(Enumerable.Range(0, points.Length), i => Assert.Equal(0.0, fractions[(i * 4) + 3]));
        Assert.Equal(0.1, above[3], 12);
        Assert.Equal([0.0, 0.0, 0.0], above[..3]);

        model.Fractions([-0.2], points, fractions, above);

        Assert.Equal(1.0, fractions[3], 9);
        Assert.Equal(0.8, fractions[4 + 3], 9);
        Assert.Equal(0.2, fractions[4 + 2], 9);
        Assert.Equal(0.0, above[3]);
    }

    [Fact]
    public void A_model_without_a_phase_at_every_pure_element_is_refused_with_the_missing_corner_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new PhaseHullModel([
            HullPhase.Compound("A", 1, 0, 0),
            HullPhase.Compound("B", 0, 1, 0),
            HullPhase.Compound("AC", 0.5, 0, 0.5)]));

        Assert.Contains("pure element 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_composition_that_does_not_sum_to_one_is_refused_with_the_phase_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new PhaseHullModel([
            HullPhase.Compound("A", 1, 0, 0),
            HullPhase.Compound("B", 0, 1, 0),
            HullPhase.Compound("C", 0, 0, 1),
            HullPhase.Compound("Bad", 0.5, 0.6, 0)]));

        Assert.Contains("'Bad'", error.Message, StringComparison.Ordinal);
    }
}
