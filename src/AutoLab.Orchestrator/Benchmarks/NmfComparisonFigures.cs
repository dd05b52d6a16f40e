namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>AutoLab's NMF beside scikit-learn's on the same seeded non-negative matrix.</summary>
/// <param name="Rows">Rows of X.</param>
/// <param name="Cols">Columns of X.</param>
/// <param name="Rank">Components.</param>
/// <param name="Threads">Threads of both.</param>
/// <param name="Device">Where AutoLab ran (scikit-learn always on the CPU).</param>
/// <param name="MaxIterations">Iteration cap of both.</param>
/// <param name="AutoLab">AutoLab at scikit-learn's default tolerance (1e-4).</param>
/// <param name="AutoLabTight">AutoLab at tolerance 1e-5, run only when the default ended above scikit-learn's error; else null.</param>
/// <param name="ScikitLearn">scikit-learn's NMF(init="nndsvda", solver="cd"); null when the peer was skipped.</param>
/// <param name="SpeedUp">scikit-learn seconds / AutoLab seconds at the default tolerance; null without the peer.</param>
/// <param name="ErrorRatio">AutoLab error / scikit-learn error at the default tolerance (≤ 1: equal or lower); null without the peer.</param>
/// <param name="TightSpeedUp">scikit-learn seconds / AutoLab's tolerance-1e-5 seconds, when that run happened.</param>
/// <param name="TightErrorRatio">AutoLab's tolerance-1e-5 error / scikit-learn error, when that run happened.</param>
/// <param name="PeerNote">Why the peer was skipped, or null.</param>
public sealed record NmfComparisonFigures(
    int Rows,
    int Cols,
    int Rank,
    int Threads,
    string Device,
    int MaxIterations,
    NmfRunFigures AutoLab,
    NmfRunFigures? AutoLabTight,
    NmfRunFigures? ScikitLearn,
    double? SpeedUp,
    double? ErrorRatio,
    double? TightSpeedUp,
    double? TightErrorRatio,
    string? PeerNote);
