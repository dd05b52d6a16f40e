using AutoLab.Simulators.Crystallography;

namespace AutoLab.Simulators.Xrd;

/// <summary>One phase in a powder sample.</summary>
/// <param name="Structure">The phase's structure (its own cell, e.g. after Vegard's law).</param>
/// <param name="Fraction">Volume fraction in [0, 1]; intensities scale with fraction / V²cell.</param>
/// <param name="CrystalliteSize">Mean crystallite size D (nm) for Scherrer broadening; null or infinite for none.</param>
/// <param name="Orientation">Preferred orientation (March–Dollase), or null for a random powder.</param>
public sealed record PhaseContribution(CrystalStructure Structure, double Fraction, double? CrystalliteSize = 100.0, PreferredOrientation? Orientation = null);
