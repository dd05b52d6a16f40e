namespace AutoLab.Analysis.Training.Xrd;

/// <summary>
/// Turns training patterns into merged adaptive measurements: a full scan at the draw's count time plus a few
/// narrower windows re-measured with a longer count, merged as counts / exposure per grid point.
/// </summary>
/// <remarks>
/// <para>An identifier trained only on patterns with the same noise everywhere has never seen a pattern whose
/// windows are much less noisy than the rest, which is what an adaptive measurement (fast scan, then
/// re-measured 2θ ranges; Szymanski et al., npj Comput. Mater. 9, 31, 2023) gives it. With these options each
/// training and validation pattern gets k windows, k uniform in 0 … <see cref="MaxWindows"/> (k = 0 keeps the
/// plain scans in the set, so the model still reads full scans of any count time). The merge is exactly the
/// one of <see cref="Adaptive.AdaptiveXrdMeasurement"/>.</para>
/// <para>A window is centred, with probability <see cref="LineCentredShare"/>, on a grid point drawn in
/// proportion to the square root of the expected line intensity of one phase picked uniformly from all phases (present or not):
/// the adaptive policy re-measures where candidate phases' lines differ, so windows over lines are what the
/// model will mostly see; the rest are centred uniformly on the grid.</para>
/// <para>With <see cref="SegmentWidth"/> set, a window is not one span but Width / SegmentWidth short segments of
/// that width, each centred as above (line-centred segments of one window follow one phase's lines), as
/// <see cref="Adaptive.AdaptiveXrdOptions.SegmentWidth"/> places them: the model then trains on the shapes the policy
/// measures.</para>
/// <seealso cref="XrdTrainingSetOptions.Windows"/>
/// </remarks>
public sealed record XrdWindowOptions
{
    /// <summary>Most windows added to one pattern (each pattern gets 0 … this many, uniformly).</summary>
    public int MaxWindows { get; init; } = 4;

    /// <summary>Width of a window (degrees 2θ).</summary>
    public double Width { get; init; } = 4.0;

    /// <summary>Counting time per point of a window as a multiple of the pattern's own count time.</summary>
    public double CountFactor { get; init; } = 8.0;

    /// <summary>Share of windows centred on a phase's line rather than uniformly.</summary>
    public double LineCentredShare { get; init; } = 0.75;

    /// <summary>Width of each segment of a window (degrees 2θ), or 0 (the default) for one contiguous span.</summary>
    public double SegmentWidth { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        if (MaxWindows < 0 || !(Width > 0) || !double.IsFinite(Width))
        {
            throw new ArgumentException($"window count ({MaxWindows}) must not be negative and width ({Width}°) must be positive", nameof(MaxWindows));
        }

        if (!(CountFactor >= 1) || !double.IsFinite(CountFactor) || !(LineCentredShare is >= 0 and <= 1))
        {
            throw new ArgumentException($"count factor ({CountFactor}) must be at least 1 and the line-centred share ({LineCentredShare}) in [0, 1]", nameof(CountFactor));
        }

        if (!(SegmentWidth >= 0) || SegmentWidth > Width)
        {
            throw new ArgumentException($"segment width ({SegmentWidth}°) must be 0 (one span) or positive and at most the window width ({Width}°)", nameof(SegmentWidth));
        }
    }
}
