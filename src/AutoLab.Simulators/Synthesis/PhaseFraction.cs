using AutoLab.Simulators.Crystallography;

namespace AutoLab.Simulators.Synthesis;

/// <summary>One phase present in an equilibrium assemblage.</summary>
/// <param name="Phase">Phase name.</param>
/// <param name="Fraction">Fraction of the atoms in this phase (lever rule), in [0, 1].</param>
/// <param name="SolutionCoordinate">Solid-solution coordinate t (0 for a compound).</param>
/// <param name="Structure">The phase's structure at that coordinate (Vegard's law applied).</param>
/// <param name="Composition">The phase's own atom fractions, in the diagram's element order.</param>
public sealed record PhaseFraction(string Phase, double Fraction, double SolutionCoordinate, CrystalStructure Structure, IReadOnlyList<double> Composition);
