namespace AutoLab.Analysis.Training.Xrd;

/// <summary>The fixed 2θ grid every pattern is resampled onto before it reaches the network.</summary>
/// <remarks>
/// <para>The default, 10–80° in 1400 points (a step of about 0.05°), keeps the strongest lines of the
/// Fe–Ni–Al phases and their superlattice reflections (B2 (100) near 31°, L1₂ (100) near 25°) while a
/// three-block 1-D CNN still trains at a few hundred patterns per second on two CPU cores. The instrumental
/// width near 45° is about 0.07°, so a peak spans one to two points: coarse, but the network needs the
/// positions and relative heights, not the profile shape.</para>
/// <para>See <see cref="PatternPreprocessor"/> for the resampling.</para>
/// </remarks>
public sealed record XrdPatternGrid
{
    /// <summary>Creates and checks a grid.</summary>
    /// <param name="start">First 2θ (degrees).</param>
    /// <param name="stop">Last 2θ (degrees), included.</param>
    /// <param name="points">Number of points, at least 16.</param>
    /// <exception cref="ArgumentException">The range is not inside (0°, 180°), not increasing, or has too few points.</exception>
    public XrdPatternGrid(double start, double stop, int points)
    {
        if (!(start > 0 && stop < 180 && stop > start))
        {
            throw new ArgumentException($"grid 2θ range must satisfy 0 < start < stop < 180 degrees, not {start}..{stop}");
        }

        if (points < 16)
        {
            throw new ArgumentException($"grid needs at least 16 points, not {points}", nameof(points));
        }

        Start = start;
        Stop = stop;
        Points = points;
    }

    /// <summary>The default grid: 10–80° 2θ in 1400 points.</summary>
    public static XrdPatternGrid Default { get; } = new(10.0, 80.0, 1400);

    /// <summary>First 2θ (degrees).</summary>
    public double Start { get; }

    /// <summary>Last 2θ (degrees).</summary>
    public double Stop { get; }

    /// <summary>Number of points.</summary>
    public int Points { get; }

    /// <summary>Spacing between points (degrees).</summary>
    public double Step => (Stop - Start) / (Points - 1);

    /// <summary>2θ of point <paramref name="index"/> (degrees).</summary>
    /// <param name="index">0-based point.</param>
    /// <returns>Start + index × step.</returns>
    public double At(int index) => Start + (index * Step);
}
