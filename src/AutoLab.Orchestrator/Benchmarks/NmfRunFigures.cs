namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>One implementation's NMF on the benchmark matrix.</summary>
/// <param name="Implementation">"autolab" or "scikit-learn".</param>
/// <param name="Tolerance">The relative stopping tolerance it ran with.</param>
/// <param name="Seconds">Median wall time of the fit over the repeats, s.</param>
/// <param name="Runs">Each repeat's seconds.</param>
/// <param name="ReconstructionError">‖X − WH‖_F (AutoLab's recomputed in double from the returned factors; the peer's as scikit-learn reports it).</param>
/// <param name="Iterations">Outer iterations of the last repeat.</param>
/// <param name="MinimumBasisCosine">Worst cosine between a true basis pattern and its matched row of H (AutoLab only; null for the peer, which returns no factors).</param>
public sealed record NmfRunFigures(
    string Implementation,
    double Tolerance,
    double Seconds,
    IReadOnlyList<double> Runs,
    double ReconstructionError,
    int Iterations,
    double? MinimumBasisCosine);
