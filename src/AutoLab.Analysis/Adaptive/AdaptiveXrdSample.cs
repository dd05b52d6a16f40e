using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Adaptive;

/// <summary>A simulated sample with known truth: what the diffractometer sees and which phases are really there.</summary>
/// <param name="Contributions">The phases the simulator receives (strained, solid-solution positions applied).</param>
/// <param name="Instrument">The instrument it is measured on (widths, zero shift, displacement, background).</param>
/// <param name="PresentPhases">Indices, in the identifier's phase order, of the phases present.</param>
public sealed record AdaptiveXrdSample(IReadOnlyList<PhaseContribution> Contributions, DiffractometerSettings Instrument, IReadOnlyList<int> PresentPhases);
