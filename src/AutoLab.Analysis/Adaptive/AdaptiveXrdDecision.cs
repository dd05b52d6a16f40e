using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Adaptive;

/// <summary>What <see cref="AdaptiveXrdPolicy"/> decides after a scan: stop, or measure one window longer.</summary>
/// <param name="Stop">True when the measurement ends.</param>
/// <param name="Reason">Why: "confident", "max-steps", or "window".</param>
/// <param name="Confidence">The decision confidence the decision was made on.</param>
/// <param name="Candidates">Names of the phases whose expected patterns were compared (empty when stopping).</param>
/// <param name="WindowStart">First 2θ of the next window (degrees), or NaN when stopping.</param>
/// <param name="WindowStop">Last 2θ of the next window (degrees), or NaN when stopping; a window of segments lies between the two.</param>
/// <param name="CountTime">Counting time per point of the next window (s), or 0 when stopping.</param>
public sealed record AdaptiveXrdDecision(
    bool Stop,
    string Reason,
    double Confidence,
    IReadOnlyList<string> Candidates,
    double WindowStart,
    double WindowStop,
    double CountTime)
{
    /// <summary>
    /// The scans that measure the next window, on the grid at <see cref="CountTime"/>: one span from
    /// <see cref="WindowStart"/> to <see cref="WindowStop"/>, or one per segment (<see cref="AdaptiveXrdOptions.SegmentWidth"/>);
    /// empty when stopping.
    /// </summary>
    public IReadOnlyList<ScanRange> Scans { get; init; } = [];
}
