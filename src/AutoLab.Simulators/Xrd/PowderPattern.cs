namespace AutoLab.Simulators.Xrd;

/// <summary>A measured (or expected) powder pattern: counts at each 2θ for a counting time.</summary>
/// <param name="TwoTheta">2θ of each point (degrees).</param>
/// <param name="Counts">Counts at each point (Poisson draws, or expected counts for a noise-free pattern).</param>
/// <param name="CountTime">Counting time per point (s).</param>
public sealed record PowderPattern(IReadOnlyList<double> TwoTheta, IReadOnlyList<double> Counts, double CountTime);
