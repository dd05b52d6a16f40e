using AutoLab.Simulators.Crystallography;

namespace AutoLab.Simulators.Synthesis;

/// <summary>Builds a <see cref="PhaseDiagram"/> from compounds and solid solutions with their formation energies.</summary>
public sealed class PhaseDiagramBuilder
{
    private readonly string _name;
    private readonly string[] _elements;
    private readonly List<DiagramPhase> _phases = [];
    private readonly List<DiagramNode> _nodes = [];

    /// <summary>Starts a diagram.</summary>
    /// <param name="name">System name.</param>
    /// <param name="elements">Element symbols in composition order.</param>
    public PhaseDiagramBuilder(string name, params string[] elements)
    {
        _name = name;
        _elements = elements;
    }

    /// <summary>Adds a line compound (or pure element) at a fixed composition.</summary>
    /// <param name="name">Phase name.</param>
    /// <param name="structure">Its structure.</param>
    /// <param name="composition">Atom fractions in element order.</param>
    /// <param name="formationEnergy">Formation energy (eV/atom).</param>
    /// <returns>The builder.</returns>
    public PhaseDiagramBuilder AddCompound(string name, CrystalStructure structure, double[] composition, double formationEnergy)
    {
        _phases.Add(new DiagramPhase(name, structure));
        _nodes.Add(new DiagramNode(_phases.Count - 1, composition, formationEnergy));
        return this;
    }

    /// <summary>
    /// Adds a solid solution along the line between two end-member compositions, sampled at
    /// <paramref name="segments"/> + 1 nodes with the regular-solution energy
    /// E(t) = (1 − t)E₀ + tE₁ + Ω t(1 − t); Ω &lt; 0 keeps it convex, so every point is on the hull.
    /// </summary>
    /// <param name="name">Phase name.</param>
    /// <param name="start">End member at t = 0.</param>
    /// <param name="end">End member at t = 1 (same sites as <paramref name="start"/>).</param>
    /// <param name="startComposition">Composition at t = 0.</param>
    /// <param name="endComposition">Composition at t = 1.</param>
    /// <param name="startEnergy">E₀ (eV/atom).</param>
    /// <param name="endEnergy">E₁ (eV/atom).</param>
    /// <param name="interaction">Ω (eV/atom), negative for a stable solution.</param>
    /// <param name="segments">Number of segments along the line.</param>
    /// <returns>The builder.</returns>
    public PhaseDiagramBuilder AddSolidSolution(
        string name,
        CrystalStructure start,
        CrystalStructure end,
        double[] startComposition,
        double[] endComposition,
        double startEnergy,
        double endEnergy,
        double interaction,
        int segments = 8)
    {
        _phases.Add(new DiagramPhase(name, start, end));
        var phase = _phases.Count - 1;
        for (var i = 0; i <= segments; i++)
        {
            var t = (double)i / segments;
            double[] composition = [.. startComposition.Zip(endComposition, (a, b) => a + (t * (b - a)))];
            var energy = ((1 - t) * startEnergy) + (t * endEnergy) + (interaction * t * (1 - t));
            _nodes.Add(new DiagramNode(phase, composition, energy, t));
        }

        return this;
    }

    /// <summary>Builds the diagram.</summary>
    /// <returns>The diagram.</returns>
    public PhaseDiagram Build() => new(_name, _elements, _phases, _nodes);
}
