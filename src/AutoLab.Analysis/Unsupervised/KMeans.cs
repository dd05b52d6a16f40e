using System.Globalization;
using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Unsupervised;

/// <summary>k-means clustering on libtorch: k-means++ seeding, then Lloyd iterations.</summary>
/// <remarks>Described in docs/analysis.md. <seealso cref="GaussianMixture"/></remarks>
public static class KMeans
{
    /// <summary>Clusters the rows of X into k groups.</summary>
    /// <param name="x">rows x cols, row-major, finite.</param>
    /// <param name="rows">Samples.</param>
    /// <param name="cols">Features.</param>
    /// <param name="k">Clusters, 1..rows.</param>
    /// <param name="options">Restarts, iterations, tolerance, seed and device.</param>
    /// <returns>Labels, centres and inertia.</returns>
    /// <exception cref="ArgumentException">Wrong length, a non-finite entry (named by row and column), or k out of range.</exception>
    /// <exception cref="TorchUnavailableException">The libtorch shim is not built or does not load.</exception>
    /// <exception cref="TorchException">The shim failed.</exception>
    public static unsafe KMeansResult Fit(ReadOnlySpan<float> x, int rows, int cols, int k, KMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MatrixChecks.Check(x, rows, cols, nonNegative: false);
        CheckClusters(k, rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Restarts, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1, nameof(options));
        MatrixChecks.CheckDevice(options.Device);
        TorchLibrary.EnsureLoaded();

        int[] labels = new int[rows];
        float[] centers = new float[(long)k * cols];
        double inertia = 0.0;
        int iterations = 0;
        fixed (float* xp = x)
        fixed (int* lp = labels)
        fixed (float* cp = centers)
        {
            int status = UnsupervisedNativeMethods.KMeans(
                xp, rows, cols, k, options.Restarts, options.MaxIterations, options.Tolerance, options.Seed, options.Device, lp, cp, &inertia, &iterations);
            NativeMethods.Check(status, "KMeans.Fit");
        }

        return new KMeansResult(labels, centers, inertia, iterations);
    }

    internal static void CheckClusters(int k, int rows)
    {
        if (k < 1 || k > rows)
        {
            throw new ArgumentOutOfRangeException(
                nameof(k),
                k,
                string.Create(CultureInfo.InvariantCulture, $"k must be in 1..rows = 1..{rows}."));
        }
    }
}
