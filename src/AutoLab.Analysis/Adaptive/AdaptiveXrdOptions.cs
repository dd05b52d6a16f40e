namespace AutoLab.Analysis.Adaptive;

/// <summary>How an adaptive XRD measurement proceeds: the fast scan, the windows re-measured and when to stop.</summary>
/// <remarks>
/// <para>The threshold of 0.95 follows the seed's procedure (XRD-AutoAnalyzer, Szymanski et al. 2023, seed 003
/// lines 210–212), which stops at 50 % confidence on a single-label output; here the identifier's outputs are
/// per-phase presence probabilities, and a run stops only when every phase is called present or absent with
/// at least this probability (<see cref="AdaptiveXrdPolicy.DecisionConfidence"/>), so a stricter threshold is
/// needed for the calls to be right as often as a slow scan's.</para>
/// <para>A window is <see cref="WindowWidth"/> wide: several line widths, enough to hold a line that strain or
/// a solid-solution shift has moved by up to a degree, and a fifteenth of the default 10–80° grid, so that a
/// window at 8× costs about half a fast scan. It is counted <see cref="WindowCountFactor"/> times longer per
/// point than the fast scan, so its relative noise falls by √8 ≈ 2.8.</para>
/// </remarks>
public sealed record AdaptiveXrdOptions
{
    /// <summary>Stop when the decision confidence reaches this.</summary>
    public double ConfidenceThreshold { get; init; } = 0.95;

    /// <summary>Counting time per point of the fast full scan (s).</summary>
    public double FastCountTime { get; init; } = 0.02;

    /// <summary>Width of a re-measured window (degrees 2θ).</summary>
    public double WindowWidth { get; init; } = 4.0;

    /// <summary>Counting time per point of a window as a multiple of <see cref="FastCountTime"/>.</summary>
    public double WindowCountFactor { get; init; } = 8.0;

    /// <summary>Most windows measured after the fast scan.</summary>
    public int MaxSteps { get; init; } = 4;

    /// <summary>Number of least-decided phases whose expected patterns are compared to choose a window (at least 2).</summary>
    public int Candidates { get; init; } = 2;

    /// <summary>Crystallite size assumed for the candidates' expected patterns (nm).</summary>
    public double CandidateCrystalliteSize { get; init; } = 50.0;

    /// <summary>
    /// Largest lattice strain |ε| the samples may carry, or 0 (the default) to compare the candidates' nominal
    /// patterns point by point. When positive, a candidate's line counts toward a window's score only where no
    /// line of the other candidate lies within the shift that strain could cause (2ε·tan θ in 2θ, plus a grid
    /// step), so windows go to the lines that tell the candidates apart whatever the strain (e.g. superlattice
    /// lines), not to strong shared lines whose nominal positions differ by less than strain moves them.
    /// </summary>
    public double StrainTolerance { get; init; }

    /// <summary>
    /// Width of each segment of a window (degrees 2θ), or 0 (the default) to measure one contiguous
    /// <see cref="WindowWidth"/> span. When positive, the window's points (as many as the span would have) go to
    /// segments of this width around the highest-scoring grid points, chosen greedily without overlap: a missing
    /// phase's few distinguishable lines lie far apart, and a span holds one or two of them.
    /// </summary>
    public double SegmentWidth { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        if (!(ConfidenceThreshold is > 0.5 and <= 1.0))
        {
            throw new ArgumentException($"confidence threshold must be in (0.5, 1], not {ConfidenceThreshold}", nameof(ConfidenceThreshold));
        }

        if (!(FastCountTime > 0) || !double.IsFinite(FastCountTime) || !(WindowCountFactor >= 1) || !double.IsFinite(WindowCountFactor))
        {
            throw new ArgumentException($"fast count time ({FastCountTime} s) must be positive and the window factor ({WindowCountFactor}) at least 1", nameof(FastCountTime));
        }

        if (!(SegmentWidth >= 0) || SegmentWidth > WindowWidth)
        {
            throw new ArgumentException($"segment width ({SegmentWidth}°) must be 0 (one span) or positive and at most the window width ({WindowWidth}°)", nameof(SegmentWidth));
        }

        if (!(StrainTolerance is >= 0 and < 0.2))
        {
            throw new ArgumentException($"strain tolerance must be in [0, 0.2), not {StrainTolerance}", nameof(StrainTolerance));
        }

        if (!(WindowWidth > 0) || MaxSteps < 0 || Candidates < 2 || !(CandidateCrystalliteSize > 0))
        {
            throw new ArgumentException("window width and crystallite size must be positive, max steps not negative, candidates at least 2", nameof(WindowWidth));
        }
    }
}
