namespace AutoLab.Analysis.Unsupervised;

/// <summary>Settings of one non-negative matrix factorisation (<see cref="Nmf.Fit"/>).</summary>
public sealed record NmfOptions
{
    /// <summary>Most outer sweeps (one W update and one H update each); at least 1.</summary>
    public int MaxIterations { get; init; } = 400;

    /// <summary>
    /// Stop when the error falls by less than this fraction over 10 sweeps (scikit-learn's default
    /// tolerance, 1e-4); 0 runs all <see cref="MaxIterations"/>.
    /// </summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>The start of W and H.</summary>
    public NmfInit Init { get; init; } = NmfInit.Nndsvda;

    /// <summary>Seed of the random start and of the randomized SVD inside NNDSVDa.</summary>
    public long Seed { get; init; }

    /// <summary>"cpu", "cuda", "cuda:N" or "auto".</summary>
    public string Device { get; init; } = "cpu";
}
