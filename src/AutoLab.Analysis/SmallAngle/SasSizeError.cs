using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.SmallAngle;

/// <summary>Held-out accuracy of one regressed size parameter, measured on curves of its true family.</summary>
/// <param name="Family">The family.</param>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="MedianRelativeError">Median of |estimate/true − 1|.</param>
/// <param name="RmsLog10Error">Root mean square of log10(estimate/true).</param>
/// <param name="OneSigmaCoverage">Fraction of curves whose |log10 error| is within the Monte-Carlo-dropout 1σ (0.68 if calibrated).</param>
public sealed record SasSizeError(SaxsModel Family, string Parameter, double MedianRelativeError, double RmsLog10Error, double OneSigmaCoverage);
