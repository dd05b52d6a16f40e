namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>Held-out accuracy of the analysis models (issue 5's first "done when" bullet), from one benchmark run.</summary>
/// <param name="PhaseTrainingPatterns">Patterns the phase identifier trained on.</param>
/// <param name="PhaseEnsembleSize">Its members.</param>
/// <param name="PhaseTrainingSeconds">Wall time to train them, s.</param>
/// <param name="SinglePhaseTopOne">Top-1 accuracy on held-out single-phase patterns (target ≥ 0.97).</param>
/// <param name="TwoPhaseFractionMae">Fraction MAE over the phases present in two-phase mixtures (target ≤ 0.05).</param>
/// <param name="ThreePhaseFractionMae">The same for three-phase mixtures (target ≤ 0.05).</param>
/// <param name="SinglePhaseEce">Top-label expected calibration error on single-phase patterns (target ≤ 0.05).</param>
/// <param name="MixturePresenceEce">Per-label presence ECE over the mixtures.</param>
/// <param name="SasAccuracy">SAS/SANS model-selection accuracy on held-out curves (target ≥ 0.95).</param>
/// <param name="SasFamilies">Families the selector chose among.</param>
/// <param name="SasTestCurves">Held-out curves.</param>
/// <param name="SasTrainingSeconds">Wall time to train the selector, s.</param>
/// <param name="NmfLibrary">What the rank-selection library is.</param>
/// <param name="NmfTrueRank">Basis patterns in the library.</param>
/// <param name="NmfSelectedRank">The rank NMFk chose.</param>
/// <param name="NmfMinimumBasisCosine">Worst cosine between a true basis pattern and its matched recovered one (target ≥ 0.95).</param>
/// <param name="NmfMeanBasisCosine">Mean of those cosines.</param>
/// <param name="Seconds">Wall time of the whole accuracy part, s.</param>
public sealed record AnalysisAccuracyFigures(
    int PhaseTrainingPatterns,
    int PhaseEnsembleSize,
    double PhaseTrainingSeconds,
    double SinglePhaseTopOne,
    double TwoPhaseFractionMae,
    double ThreePhaseFractionMae,
    double SinglePhaseEce,
    double MixturePresenceEce,
    double SasAccuracy,
    int SasFamilies,
    int SasTestCurves,
    double SasTrainingSeconds,
    string NmfLibrary,
    int NmfTrueRank,
    int NmfSelectedRank,
    double NmfMinimumBasisCosine,
    double NmfMeanBasisCosine,
    double Seconds);
