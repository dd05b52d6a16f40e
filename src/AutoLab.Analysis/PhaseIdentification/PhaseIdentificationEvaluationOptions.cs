using AutoLab.Simulators.Synthesis;

namespace AutoLab.Analysis.PhaseIdentification;

/// <summary>What <see cref="PhaseIdentificationEvaluation"/> trains and how many held-out patterns it tests on.</summary>
public sealed record PhaseIdentificationEvaluationOptions
{
    /// <summary>The identifier to train.</summary>
    public PhaseIdentifierOptions Identifier { get; init; } = new();

    /// <summary>The phases, or null for the built-in Fe–Ni–Al diagram's.</summary>
    public IReadOnlyList<DiagramPhase>? Phases { get; init; }

    /// <summary>Held-out single-phase patterns (top-1 accuracy, top-label ECE, confusion matrix).</summary>
    public int SinglePhasePatterns { get; init; } = 1_500;

    /// <summary>Held-out two-phase mixtures (fraction MAE, presence ECE).</summary>
    public int TwoPhasePatterns { get; init; } = 600;

    /// <summary>Held-out three-phase mixtures (fraction MAE, presence ECE).</summary>
    public int ThreePhasePatterns { get; init; } = 600;
}
