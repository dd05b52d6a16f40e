namespace AutoLab.Analysis.Adaptive;

/// <summary>The outcome of one adaptive XRD measurement.</summary>
/// <param name="Identified">Names of the phases called present (presence ≥ 0.5), in the identifier's order.</param>
/// <param name="Confidence">Final decision confidence (<see cref="AdaptiveXrdPolicy.DecisionConfidence"/>).</param>
/// <param name="Confident">Whether the run stopped because the confidence reached the threshold.</param>
/// <param name="Correct">Whether the called set equals the sample's true set of phases.</param>
/// <param name="TotalSeconds">Counting time of every scan together (s).</param>
/// <param name="Steps">Every scan with the decision taken after it, in order.</param>
public sealed record AdaptiveXrdResult(
    IReadOnlyList<string> Identified,
    double Confidence,
    bool Confident,
    bool Correct,
    double TotalSeconds,
    IReadOnlyList<AdaptiveXrdStep> Steps);
