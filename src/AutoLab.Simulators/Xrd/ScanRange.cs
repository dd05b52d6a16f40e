namespace AutoLab.Simulators.Xrd;

/// <summary>A step scan: 2θ from <see cref="Start"/> to <see cref="Stop"/> in steps, counting for <see cref="CountTime"/> at each.</summary>
/// <remarks>Adaptive XRD measures a sub-range with a longer count by making a second, narrower range.</remarks>
public sealed record ScanRange
{
    /// <summary>Creates and checks a range.</summary>
    /// <param name="start">First 2θ (degrees).</param>
    /// <param name="stop">Last 2θ (degrees), included when it falls on a step.</param>
    /// <param name="step">Step (degrees).</param>
    /// <param name="countTime">Counting time per step (s).</param>
    /// <exception cref="ArgumentException">The range is empty, outside (0°, 180°) or the step or time is not positive.</exception>
    public ScanRange(double start, double stop, double step, double countTime)
    {
        if (!(start > 0 && stop < 180 && stop > start))
        {
            throw new ArgumentException($"2θ range must satisfy 0 < start < stop < 180 degrees, not {start}..{stop}");
        }

        if (!(step > 0) || !(countTime > 0) || !double.IsFinite(countTime))
        {
            throw new ArgumentException($"step ({step} degrees) and count time ({countTime} s) must be positive");
        }

        Start = start;
        Stop = stop;
        Step = step;
        CountTime = countTime;
        Points = (int)Math.Floor(((stop - start) / step) + 1e-9) + 1;
        if (Points > 10_000_000)
        {
            throw new ArgumentException($"range {start}..{stop} with step {step} has {Points} points; at most 10,000,000");
        }
    }

    /// <summary>First 2θ (degrees).</summary>
    public double Start { get; }

    /// <summary>Last requested 2θ (degrees).</summary>
    public double Stop { get; }

    /// <summary>Step (degrees).</summary>
    public double Step { get; }

    /// <summary>Counting time per step (s).</summary>
    public double CountTime { get; }

    /// <summary>Number of points.</summary>
    public int Points { get; }

    /// <summary>2θ of point <paramref name="index"/> (degrees).</summary>
    /// <param name="index">0-based point.</param>
    /// <returns>Start + index × step.</returns>
    public double At(int index) => Start + (index * Step);
}
