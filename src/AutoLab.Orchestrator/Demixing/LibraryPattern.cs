using AutoLab.Contracts;

namespace AutoLab.Orchestrator.Demixing;

/// <summary>One completed experiment's measured pattern, with its knobs and what the analysis reported.</summary>
/// <param name="Sequence">The experiment's sequence number in the campaign.</param>
/// <param name="Parameters">Its knob values.</param>
/// <param name="Path">The data file the pattern was read from.</param>
/// <param name="Axis">The pattern's axis (e.g. 2θ in degrees), ascending.</param>
/// <param name="Values">The measured values (e.g. counts), one per axis point.</param>
/// <param name="Outputs">The analysis outputs of the experiment (every objective the pipeline reported).</param>
public sealed record LibraryPattern(int Sequence, ParameterPoint Parameters, string Path, double[] Axis, double[] Values, IReadOnlyDictionary<string, double> Outputs);
