namespace AutoLab.Simulators.Synthesis;

/// <summary>A sample the synthesis robot made: what was asked for, what it got, and the phases that formed.</summary>
/// <param name="SampleId">Identifier, passed on to the measure step.</param>
/// <param name="System">Name of the phase diagram.</param>
/// <param name="Nominal">Requested atom fractions, in the diagram's element order.</param>
/// <param name="Actual">Atom fractions after synthesis scatter.</param>
/// <param name="AnnealTemperature">Annealing temperature (°C).</param>
/// <param name="CrystalliteSize">Mean crystallite size (nm) after annealing.</param>
/// <param name="Phases">Equilibrium phases at the actual composition.</param>
public sealed record SynthesizedSample(
    string SampleId,
    string System,
    IReadOnlyList<double> Nominal,
    IReadOnlyList<double> Actual,
    double AnnealTemperature,
    double CrystalliteSize,
    IReadOnlyList<PhaseFraction> Phases);
