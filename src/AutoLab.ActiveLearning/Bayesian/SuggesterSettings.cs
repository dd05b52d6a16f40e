using AutoLab.ActiveLearning.GaussianProcesses;

namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>What a GP strategy ("bo", "kriging") does, read from its options.</summary>
internal sealed record SuggesterSettings
{
    /// <summary>The acquisition.</summary>
    public required AcquisitionKind Acquisition { get; init; }

    /// <summary>β of UCB.</summary>
    public double Beta { get; init; } = 4.0;

    /// <summary>Observations (plus pending points) below which points come from the Sobol design.</summary>
    public required int InitialPoints { get; init; }

    /// <summary>Kernel and fit settings.</summary>
    public required GaussianProcessOptions Process { get; init; }

    /// <summary>Sobol candidates scored in one batch per suggested point.</summary>
    public int RawSamples { get; init; } = 1024;

    /// <summary>Best candidates polished by L-BFGS per suggested point.</summary>
    public int Starts { get; init; } = 8;

    /// <summary>Objective option, or null for the campaign's only objective.</summary>
    public string? Objective { get; init; }

    /// <summary>Final evaluations of the budget that maximise the posterior mean instead of the acquisition (0: never).</summary>
    public int ExploitFinal { get; init; }

    /// <summary>Black-box constraints on measured values, each modelled by its own GP.</summary>
    public IReadOnlyList<OutcomeConstraint> OutcomeConstraints { get; init; } = [];

    /// <summary>Whether batches come from Monte-Carlo q-EI (<see cref="MonteCarloExpectedImprovement"/>) rather than the kriging believer.</summary>
    public bool MonteCarloBatch { get; init; }

    /// <summary>
    /// Reference points of the integrated-variance acquisition (<c>kriging</c> with <c>acquisition: imse</c>,
    /// <see cref="Kriging.IntegratedVarianceReduction"/>); 0 when the acquisition scores one point at a time.
    /// </summary>
    public int ReferencePoints { get; init; }

    /// <summary>Consecutive constraint rejections allowed in the Sobol design.</summary>
    public int MaxDraws { get; init; } = 10_000;
}
