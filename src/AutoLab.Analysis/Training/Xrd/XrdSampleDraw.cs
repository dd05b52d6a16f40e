using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Training.Xrd;

/// <summary>Everything drawn for one training pattern: its phases and the instrument it was measured on.</summary>
/// <param name="Phases">The phases present, with their fractions and sample effects.</param>
/// <param name="Instrument">The perturbed instrument (Caglioti widths, zero shift, displacement, background).</param>
/// <param name="CountTime">Counting time per step (s).</param>
public sealed record XrdSampleDraw(IReadOnlyList<XrdDrawnPhase> Phases, DiffractometerSettings Instrument, double CountTime);
