namespace AutoLab.Analysis.Unsupervised;

/// <summary>Settings of NMFk rank selection (<see cref="NmfRankSelection.Select"/>).</summary>
/// <remarks>The defaults and the rule are explained in docs/analysis.md ("NMFk").</remarks>
public sealed record NmfRankOptions
{
    /// <summary>Factorisations from random starts per rank; at least 2 (a silhouette needs two members per cluster).</summary>
    public int Restarts { get; init; } = 8;

    /// <summary>
    /// A rank is stable when every one of its basis clusters has a mean cosine silhouette of at least
    /// this. 0.9 follows Alexandrov and Vesselinov: real components reappear almost unchanged from any
    /// start, noise-fitting ones do not.
    /// </summary>
    public double StabilityThreshold { get; init; } = 0.9;

    /// <summary>
    /// A rank must also cut the relative reconstruction error by at least this fraction of the error
    /// at rank - 1, so a stable but useless extra component (e.g. a flat background split in two) is
    /// not chosen.
    /// </summary>
    public double MinErrorGain { get; init; } = 0.02;

    /// <summary>Most sweeps per factorisation.</summary>
    public int MaxIterations { get; init; } = 400;

    /// <summary>Relative error decrease over 10 sweeps that stops a factorisation.</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Seed of the random starts (restart j of rank r uses a seed derived from this, r and j).</summary>
    public long Seed { get; init; }

    /// <summary>"cpu", "cuda", "cuda:N" or "auto".</summary>
    public string Device { get; init; } = "cpu";
}
