namespace AutoLab.Analysis.BeamRegression;

/// <summary>RMS electron beam size at the source point.</summary>
/// <param name="SigmaXMicrons">Horizontal σx (µm).</param>
/// <param name="SigmaYMicrons">Vertical σy (µm).</param>
public readonly record struct BeamSize(double SigmaXMicrons, double SigmaYMicrons);
