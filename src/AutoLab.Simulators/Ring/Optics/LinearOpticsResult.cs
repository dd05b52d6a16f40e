namespace AutoLab.Simulators.Ring.Optics;

/// <summary>The periodic linear optics of a ring at one momentum deviation.</summary>
/// <remarks>Computed by <see cref="LinearOptics.Compute"/>; uncoupled optics are assumed (no skew fields or solenoids are modelled).</remarks>
public sealed record LinearOpticsResult
{
    /// <summary>Momentum deviation the optics belong to.</summary>
    public required double Delta { get; init; }

    /// <summary>Closed orbit at the start (x m, px rad, y m, py rad).</summary>
    public required IReadOnlyList<double> ClosedOrbit { get; init; }

    /// <summary>The 5×5 one-turn matrix at the closed orbit (rows and columns x, px, y, py, δ), row-major.</summary>
    public required double[][] OneTurnMatrix { get; init; }

    /// <summary>Horizontal tune, integer part included (from the accumulated phase advance).</summary>
    public required double TuneX { get; init; }

    /// <summary>Vertical tune, integer part included.</summary>
    public required double TuneY { get; init; }

    /// <summary>Twiss functions at the start and at the exit of every tracked element.</summary>
    public required IReadOnlyList<TwissPoint> Twiss { get; init; }
}
