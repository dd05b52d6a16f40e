namespace AutoLab.Simulators.Synthesis;

/// <summary>A point of a phase on the energy surface: its composition and formation energy.</summary>
/// <param name="Phase">Index into <see cref="PhaseDiagram.Phases"/>.</param>
/// <param name="Composition">Atom fractions of the diagram's elements (sum 1).</param>
/// <param name="FormationEnergy">Formation energy (eV/atom) relative to the pure elements.</param>
/// <param name="SolutionCoordinate">Solid-solution coordinate t in [0, 1] at this node; 0 for a compound.</param>
public sealed record DiagramNode(int Phase, IReadOnlyList<double> Composition, double FormationEnergy, double SolutionCoordinate = 0.0);
