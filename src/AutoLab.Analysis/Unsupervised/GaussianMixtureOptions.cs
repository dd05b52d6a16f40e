namespace AutoLab.Analysis.Unsupervised;

/// <summary>Settings of <see cref="GaussianMixture.Fit"/> (scikit-learn's defaults).</summary>
public sealed record GaussianMixtureOptions
{
    /// <summary>Most EM iterations.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when the mean log-likelihood per sample changes by less than this.</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Added to every covariance's diagonal so it stays positive definite.</summary>
    public double CovarianceRegularization { get; init; } = 1e-6;

    /// <summary>Seed of the k-means start.</summary>
    public long Seed { get; init; }

    /// <summary>"cpu", "cuda", "cuda:N" or "auto".</summary>
    public string Device { get; init; } = "cpu";
}
