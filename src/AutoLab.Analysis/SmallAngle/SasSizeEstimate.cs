namespace AutoLab.Analysis.SmallAngle;

/// <summary>One regressed size parameter of the chosen family, with its Monte-Carlo-dropout uncertainty.</summary>
/// <param name="Name">Parameter name (<see cref="Training.Sas.SasFamilies.SizeParameters"/>), e.g. "radius".</param>
/// <param name="Value">Estimate: 10 to the mean predicted log10 value (Å, or dimensionless for an aspect ratio).</param>
/// <param name="Log10StandardDeviation">Standard deviation of the predicted log10 value over the dropout passes.</param>
public sealed record SasSizeEstimate(string Name, double Value, double Log10StandardDeviation)
{
    /// <summary>Relative 1σ uncertainty of <see cref="Value"/>, ln 10 × the log10 deviation (small-error limit).</summary>
    public double RelativeUncertainty => Math.Log(10.0) * Log10StandardDeviation;
}
