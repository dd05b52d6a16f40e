namespace AutoLab.Analysis.Unsupervised;

/// <summary>Settings of <see cref="KMeans.Fit"/>.</summary>
public sealed record KMeansOptions
{
    /// <summary>Independent k-means++ starts; the lowest inertia is kept (scikit-learn's n_init).</summary>
    public int Restarts { get; init; } = 4;

    /// <summary>Most Lloyd iterations per start.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Stop when the summed squared centre shift is below this times the mean feature variance.</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Seed of the k-means++ draws: same data, seed and device, same clustering.</summary>
    public long Seed { get; init; }

    /// <summary>"cpu", "cuda", "cuda:N" or "auto".</summary>
    public string Device { get; init; } = "cpu";
}
