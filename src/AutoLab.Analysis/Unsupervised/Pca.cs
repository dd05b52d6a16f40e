using System.Globalization;
using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Unsupervised;

/// <summary>Principal component analysis on libtorch, by the thin SVD of the centred data.</summary>
/// <remarks>Described in docs/analysis.md. <seealso cref="KMeans"/> <seealso cref="Nmf"/></remarks>
public static class Pca
{
    /// <summary>The first <paramref name="components"/> principal components of X.</summary>
    /// <param name="x">rows x cols, row-major, finite.</param>
    /// <param name="rows">Samples, at least 2.</param>
    /// <param name="cols">Features.</param>
    /// <param name="components">k, 1..min(rows, cols).</param>
    /// <param name="device">"cpu", "cuda", "cuda:N" or "auto".</param>
    /// <returns>Axes, variances, ratios, mean and scores.</returns>
    /// <exception cref="ArgumentException">Wrong length, a non-finite entry (named by row and column), or k out of range.</exception>
    /// <exception cref="TorchUnavailableException">The libtorch shim is not built or does not load.</exception>
    /// <exception cref="TorchException">The shim failed.</exception>
    public static unsafe PcaResult Fit(ReadOnlySpan<float> x, int rows, int cols, int components, string device = "cpu")
    {
        MatrixChecks.Check(x, rows, cols, nonNegative: false);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        int limit = Math.Min(rows, cols);
        if (components < 1 || components > limit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(components),
                components,
                string.Create(CultureInfo.InvariantCulture, $"components must be in 1..min(rows, cols) = 1..{limit}."));
        }

        MatrixChecks.CheckDevice(device);
        TorchLibrary.EnsureLoaded();

        float[] axes = new float[(long)components * cols];
        float[] variance = new float[components];
        float[] mean = new float[cols];
        float[] scores = new float[(long)rows * components];
        fixed (float* xp = x)
        fixed (float* ap = axes)
        fixed (float* vp = variance)
        fixed (float* mp = mean)
        fixed (float* sp = scores)
        {
            NativeMethods.Check(UnsupervisedNativeMethods.Pca(xp, rows, cols, components, device, ap, vp, mp, sp), "Pca.Fit");
        }

        double total = TotalVariance(x, rows, cols, mean);
        float[] ratio = new float[components];
        for (int i = 0; i < components; i++)
        {
            ratio[i] = total > 0.0 ? (float)(variance[i] / total) : 0f;
        }

        return new PcaResult(axes, variance, ratio, mean, scores, components, cols);
    }

    // The trace of the sample covariance, in double: the denominator of the explained-variance ratio
    // needs every direction, not only the k the shim returns.
    private static double TotalVariance(ReadOnlySpan<float> x, int rows, int cols, float[] mean)
    {
        double sum = 0.0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> row = x.Slice(r * cols, cols);
            for (int c = 0; c < cols; c++)
            {
                double d = row[c] - (double)mean[c];
                sum += d * d;
            }
        }

        return sum / (rows - 1);
    }
}
