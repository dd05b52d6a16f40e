using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Unsupervised;

/// <summary>Gaussian mixtures with full covariances on libtorch, by EM from a k-means start.</summary>
/// <remarks>Described in docs/analysis.md. <seealso cref="KMeans"/></remarks>
public static class GaussianMixture
{
    /// <summary>Fits a k-component mixture to the rows of X.</summary>
    /// <param name="x">rows x cols, row-major, finite.</param>
    /// <param name="rows">Samples.</param>
    /// <param name="cols">Features.</param>
    /// <param name="k">Components, 1..rows.</param>
    /// <param name="options">Iterations, tolerance, covariance regularisation, seed and device.</param>
    /// <returns>Weights, means, covariances, responsibilities and the likelihood.</returns>
    /// <exception cref="ArgumentException">Wrong length, a non-finite entry (named by row and column), or k out of range.</exception>
    /// <exception cref="TorchUnavailableException">The libtorch shim is not built or does not load.</exception>
    /// <exception cref="TorchException">The shim failed, e.g. a covariance that is not positive definite.</exception>
    public static unsafe GaussianMixtureResult Fit(ReadOnlySpan<float> x, int rows, int cols, int k, GaussianMixtureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MatrixChecks.Check(x, rows, cols, nonNegative: false);
        KMeans.CheckClusters(k, rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.CovarianceRegularization, nameof(options));
        MatrixChecks.CheckDevice(options.Device);
        TorchLibrary.EnsureLoaded();

        float[] weights = new float[k];
        float[] means = new float[(long)k * cols];
        float[] covariances = new float[(long)k * cols * cols];
        float[] responsibilities = new float[(long)rows * k];
        double logLikelihood = 0.0;
        int iterations = 0;
        fixed (float* xp = x)
        fixed (float* wp = weights)
        fixed (float* mp = means)
        fixed (float* cp = covariances)
        fixed (float* rp = responsibilities)
        {
            int status = UnsupervisedNativeMethods.Gmm(
                xp, rows, cols, k, options.MaxIterations, options.Tolerance, options.CovarianceRegularization, options.Seed, options.Device,
                wp, mp, cp, rp, &logLikelihood, &iterations);
            NativeMethods.Check(status, "GaussianMixture.Fit");
        }

        return new GaussianMixtureResult(weights, means, covariances, responsibilities, logLikelihood, iterations, rows, cols);
    }
}
