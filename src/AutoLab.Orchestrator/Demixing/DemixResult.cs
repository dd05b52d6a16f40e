using AutoLab.Analysis.Unsupervised;

namespace AutoLab.Orchestrator.Demixing;

/// <summary>What NMF demixing made of a run's library.</summary>
/// <param name="Key">The data key demixed.</param>
/// <param name="Library">The patterns, by sequence (row i of <see cref="Weights"/> is Library[i]).</param>
/// <param name="Scores">NMFk's score of every rank tried.</param>
/// <param name="SelectedRank">The rank NMFk chose.</param>
/// <param name="Components">The components at that rank.</param>
/// <param name="Weights">Per sample, each component's share (the NMF weights scaled to sum to 1; all 0 for an empty pattern).</param>
/// <param name="RelativeError">‖X − WH‖_F / ‖X‖_F of the chosen factorisation.</param>
public sealed record DemixResult(
    string Key,
    IReadOnlyList<LibraryPattern> Library,
    IReadOnlyList<NmfRankScore> Scores,
    int SelectedRank,
    IReadOnlyList<DemixComponent> Components,
    double[][] Weights,
    double RelativeError);
