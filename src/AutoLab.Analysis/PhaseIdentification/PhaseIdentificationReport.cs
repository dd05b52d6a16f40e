namespace AutoLab.Analysis.PhaseIdentification;

/// <summary>Held-out figures of a phase identifier (see docs/analysis.md for each definition).</summary>
/// <param name="PhaseNames">The phases, in output order.</param>
/// <param name="Device">Where the members ran.</param>
/// <param name="SinglePhaseTopOne">Top-1 accuracy on single-phase patterns.</param>
/// <param name="SinglePhaseEce">Top-label ECE (15 bins) of the top phase's presence probability on single-phase patterns.</param>
/// <param name="SinglePhaseEceUnscaled">The same at temperature 1, to show what scaling did.</param>
/// <param name="MixturePresenceEce">Per-label (binary) presence ECE (15 bins) over every phase of the two- and three-phase mixtures.</param>
/// <param name="TwoPhaseFractionMae">Fraction MAE over the phases present in two-phase mixtures.</param>
/// <param name="ThreePhaseFractionMae">Fraction MAE over the phases present in three-phase mixtures.</param>
/// <param name="TwoPhaseFractionMaeAllPhases">Fraction MAE over all K phases of two-phase mixtures.</param>
/// <param name="ThreePhaseFractionMaeAllPhases">Fraction MAE over all K phases of three-phase mixtures.</param>
/// <param name="MixtureExactPhaseSet">Share of mixtures whose set of phases with presence ≥ 0.5 is exactly the true set.</param>
/// <param name="Confusion">Single-phase confusion matrix: rows true, columns predicted.</param>
/// <param name="Temperature">The fitted presence temperature.</param>
/// <param name="TrainingSeconds">Wall time to train all members (s).</param>
/// <param name="GenerationPatternsPerSecond">Training-set generation rate (patterns/s, all cores).</param>
/// <param name="TrainingSamplesPerSecond">Mean training throughput of one member (samples/s).</param>
/// <param name="InferenceMillisecondsPerPattern">Ensemble inference time per pattern in a batch (ms, preprocessing excluded).</param>
public sealed record PhaseIdentificationReport(
    IReadOnlyList<string> PhaseNames,
    string Device,
    double SinglePhaseTopOne,
    double SinglePhaseEce,
    double SinglePhaseEceUnscaled,
    double MixturePresenceEce,
    double TwoPhaseFractionMae,
    double ThreePhaseFractionMae,
    double TwoPhaseFractionMaeAllPhases,
    double ThreePhaseFractionMaeAllPhases,
    double MixtureExactPhaseSet,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    double Temperature,
    double TrainingSeconds,
    double GenerationPatternsPerSecond,
    double TrainingSamplesPerSecond,
    double InferenceMillisecondsPerPattern);
