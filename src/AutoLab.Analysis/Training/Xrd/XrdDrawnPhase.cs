namespace AutoLab.Analysis.Training.Xrd;

/// <summary>One phase of a drawn training sample.</summary>
/// <param name="Index">Index of the phase in the generator's phase list (the label's column).</param>
/// <param name="Fraction">Volume fraction, the label (passed to the simulator as <c>PhaseContribution.Fraction</c>).</param>
/// <param name="SolidSolution">Position t on the solid-solution line (Vegard's law; 0 for a line compound).</param>
/// <param name="Strain">Isotropic lattice strain ε applied to every cell edge.</param>
/// <param name="AxialStrain">Extra strain of the c edge.</param>
/// <param name="CrystalliteSize">Crystallite size D (nm).</param>
public sealed record XrdDrawnPhase(int Index, double Fraction, double SolidSolution, double Strain, double AxialStrain, double CrystalliteSize);
