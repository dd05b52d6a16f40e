namespace AutoLab.Analysis.Adaptive;

/// <summary>One scan of an adaptive run and the decision taken after it.</summary>
/// <param name="Index">0 for the fast full scan, then 1, 2, … for the windows.</param>
/// <param name="ScanStart">First 2θ of the scan (degrees).</param>
/// <param name="ScanStop">Last 2θ of the scan (degrees).</param>
/// <param name="CountTime">Counting time per point (s).</param>
/// <param name="Seconds">Counting time of the whole scan: points × count time (s).</param>
/// <param name="TopPhase">The identifier's most probable phase after merging this scan.</param>
/// <param name="Decision">What the policy decided after this scan.</param>
public sealed record AdaptiveXrdStep(int Index, double ScanStart, double ScanStop, double CountTime, double Seconds, string TopPhase, AdaptiveXrdDecision Decision);
