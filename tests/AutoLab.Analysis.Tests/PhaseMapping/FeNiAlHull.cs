using AutoLab.Analysis.PhaseMapping;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Analysis.Tests.PhaseMapping;

/// <summary>The built-in Fe–Ni–Al diagram's phases as a hull model, and helpers to score maps of it.</summary>
internal static class FeNiAlHull
{
    /// <summary>The phases in the simulator's order: compositions only.</summary>
    public static PhaseHullModel Model() => new([
        HullPhase.Compound("Al", 0, 0, 1),
        HullPhase.Compound("alpha-Fe", 1, 0, 0),
        HullPhase.Solution("gamma-(Ni,Fe)", [0, 1, 0], [0.5, 0.5, 0]),
        HullPhase.Solution("B2-(Ni,Fe)Al", [0, 0.5, 0.5], [0.5, 0, 0.5]),
        HullPhase.Compound("Ni3Al", 0, 0.75, 0.25),
        HullPhase.Compound("Fe3Al", 0.75, 0, 0.25)]);

    /// <summary>The simulator's energies in the model's parameter order: E1 and Ω of γ, E0, E1 and Ω of B2, Ni₃Al, Fe₃Al.</summary>
    public static double[] TrueParameters { get; } = [-0.03, -0.04, -0.68, -0.33, -0.06, -0.42, -0.20];

    /// <summary>(Fe, Ni) points of a simplex lattice with the given steps per edge.</summary>
    public static double[][] Lattice(int divisions) =>
        [.. Enumerable.Range(0, divisions + 1).SelectMany(i => Enumerable.Range(0, divisions + 1 - i).Select(j => new[] { i / (double)divisions, j / (double)divisions }))];

    /// <summary>Uniform random (Fe, Ni) points in the composition triangle.</summary>
    public static double[][] RandomPoints(int count, int seed)
    {
        var random = new Random(seed);
        List<double[]> points = [];
        while (points.Count < count)
        {
            double fe = random.NextDouble();
            double ni = random.NextDouble();
            if (fe + ni <= 1)
            {
                points.Add([fe, ni]);
            }
        }

        return [.. points];
    }

    /// <summary>The simulator's phase set at a point, as bits in the model's phase order.</summary>
    public static ulong TruthLabel(PhaseDiagram diagram, PhaseHullModel model, double[] point, double level = 0.05)
    {
        ulong label = 0;
        foreach (PhaseFraction phase in diagram.Equilibrium([point[0], point[1], Math.Max(0, 1 - point[0] - point[1])]))
        {
            int k = model.Phases.ToList().FindIndex(p => p.Name == phase.Phase);
            label |= phase.Fraction >= level ? 1UL << k : 0;
        }

        return label;
    }
}
