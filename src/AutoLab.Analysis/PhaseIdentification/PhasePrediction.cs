namespace AutoLab.Analysis.PhaseIdentification;

/// <summary>What a <see cref="PhaseIdentifier"/> says about one pattern.</summary>
/// <param name="PhaseNames">Names of the phases, the order of every array.</param>
/// <param name="Presence">Probability that each phase is present: the ensemble mean of the temperature-scaled sigmoids.</param>
/// <param name="PresenceSpread">Standard deviation of the members' presence probabilities: the epistemic uncertainty.</param>
/// <param name="Fractions">Volume fraction of each phase: the members' mean softmax, zeroed for phases with presence below 0.5 and renormalised.</param>
/// <param name="FractionSpread">Standard deviation of the members' softmax fractions.</param>
/// <param name="TopPhase">Index of the most probably present phase.</param>
/// <param name="Confidence">Presence probability of <paramref name="TopPhase"/>.</param>
public sealed record PhasePrediction(
    IReadOnlyList<string> PhaseNames,
    IReadOnlyList<double> Presence,
    IReadOnlyList<double> PresenceSpread,
    IReadOnlyList<double> Fractions,
    IReadOnlyList<double> FractionSpread,
    int TopPhase,
    double Confidence)
{
    /// <summary>Name of the most probably present phase.</summary>
    public string TopPhaseName => PhaseNames[TopPhase];
}
