namespace AutoLab.Simulators.Xrd;

/// <summary>A measured (or expected) powder pattern: counts at each 2θ for a counting time.</summary>
/// <param name="TwoTheta">2θ of each point (degrees).</param>
/// <param name="Counts">Counts at each point (Poisson draws, or expected counts for a noise-free pattern).</param>
/// <param name="CountTime">Counting time per point (s).</param>
public sealed record PowderPattern(IReadOnlyList<double> TwoTheta, IReadOnlyList<double> Counts, double CountTime)
{
    /// <summary>
    /// The counting time behind each point (s) when the points were not all counted for <see cref="CountTime"/>,
    /// else null. A merged adaptive measurement gives its rates (counts per second, <see cref="CountTime"/> 1) and
    /// here how long each point was counted in total, which sets its noise.
    /// </summary>
    public IReadOnlyList<double>? Exposure { get; init; }
}
