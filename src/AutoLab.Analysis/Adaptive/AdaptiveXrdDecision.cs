namespace AutoLab.Analysis.Adaptive;

/// <summary>What <see cref="AdaptiveXrdPolicy"/> decides after a scan: stop, or measure one window longer.</summary>
/// <param name="Stop">True when the measurement ends.</param>
/// <param name="Reason">Why: "confident", "max-steps", or "window".</param>
/// <param name="Confidence">The decision confidence the decision was made on.</param>
/// <param name="Candidates">Names of the phases whose expected patterns were compared (empty when stopping).</param>
/// <param name="WindowStart">First 2θ of the next window (degrees), or NaN when stopping.</param>
/// <param name="WindowStop">Last 2θ of the next window (degrees), or NaN when stopping.</param>
/// <param name="CountTime">Counting time per point of the next window (s), or 0 when stopping.</param>
public sealed record AdaptiveXrdDecision(
    bool Stop,
    string Reason,
    double Confidence,
    IReadOnlyList<string> Candidates,
    double WindowStart,
    double WindowStop,
    double CountTime);
