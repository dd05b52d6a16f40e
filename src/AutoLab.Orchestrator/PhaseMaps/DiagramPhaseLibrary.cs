using AutoLab.Analysis.PhaseMapping;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Orchestrator.PhaseMaps;

/// <summary>The phase library of a phase diagram: each phase's composition or solid-solution ends, and nothing of its energies.</summary>
public static class DiagramPhaseLibrary
{
    /// <summary>A hull model of a diagram's phases, in the order given.</summary>
    /// <param name="diagram">The system (its nodes give each phase's composition or end compositions).</param>
    /// <param name="phaseNames">The phases to include, in output order; null for all of the diagram's.</param>
    /// <returns>The model, its solid solutions sampled as finely as the diagram's.</returns>
    /// <exception cref="ArgumentException">A named phase is not in the diagram.</exception>
    public static PhaseHullModel Of(PhaseDiagram diagram, IReadOnlyList<string>? phaseNames = null)
    {
        ArgumentNullException.ThrowIfNull(diagram);
        List<HullPhase> phases = [];
        foreach (string name in phaseNames ?? [.. diagram.Phases.Select(p => p.Name)])
        {
            int index = diagram.Phases.ToList().FindIndex(p => p.Name == name);
            if (index < 0)
            {
                throw new ArgumentException($"phase '{name}' is not in the diagram '{diagram.Name}' ({string.Join(", ", diagram.Phases.Select(p => p.Name))})", nameof(phaseNames));
            }

            DiagramNode[] nodes = [.. diagram.Nodes.Where(n => n.Phase == index).OrderBy(n => n.SolutionCoordinate)];
            phases.Add(nodes.Length == 1
                ? HullPhase.Compound(name, [.. nodes[0].Composition])
                : HullPhase.Solution(name, [.. nodes[0].Composition], [.. nodes[^1].Composition]));
        }

        return new PhaseHullModel(phases, segments: Math.Max(1, diagram.Nodes.GroupBy(n => n.Phase).Max(g => g.Count()) - 1));
    }
}
