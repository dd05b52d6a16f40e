using System.Globalization;
using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Unsupervised;

/// <summary>Non-negative matrix factorisation on libtorch (CPU or CUDA).</summary>
/// <remarks>
/// Frobenius loss, no regularisation, solved by accelerated hierarchical alternating least squares
/// (Cichocki and Phan 2009; Gillis and Glineur 2012) from an NNDSVDa or random start, as scikit-learn's
/// <c>NMF(solver="cd")</c> but with several cheap row updates per product with X. The algorithm and
/// its stopping rule are described in docs/analysis.md.
/// <seealso cref="NmfRankSelection"/>
/// </remarks>
public static class Nmf
{
    /// <summary>Factorises X (rows x cols, row-major, entries ≥ 0) into W (rows x rank) H (rank x cols).</summary>
    /// <param name="x">The data, row-major.</param>
    /// <param name="rows">Rows of X.</param>
    /// <param name="cols">Columns of X.</param>
    /// <param name="rank">Components, 1..min(rows, cols).</param>
    /// <param name="options">Iterations, tolerance, start, seed and device.</param>
    /// <returns>W, H and the reconstruction error.</returns>
    /// <exception cref="ArgumentException">Wrong length, a NaN, infinite or negative entry (named by row and column), or a rank out of range.</exception>
    /// <exception cref="TorchUnavailableException">The libtorch shim is not built or does not load.</exception>
    /// <exception cref="TorchException">The shim failed (e.g. CUDA asked for where there is none).</exception>
    public static unsafe NmfResult Fit(ReadOnlySpan<float> x, int rows, int cols, int rank, NmfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MatrixChecks.Check(x, rows, cols, nonNegative: true);
        CheckRank(rank, rows, cols);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1, nameof(options));
        if (!(options.Tolerance >= 0.0) || double.IsInfinity(options.Tolerance))
        {
            throw new ArgumentException($"Tolerance must be finite and >= 0, not {options.Tolerance}.", nameof(options));
        }

        MatrixChecks.CheckDevice(options.Device);
        TorchLibrary.EnsureLoaded();

        float[] w = new float[(long)rows * rank];
        float[] h = new float[(long)rank * cols];
        NativeNmfResult native = default;
        fixed (float* xp = x)
        fixed (float* wp = w)
        fixed (float* hp = h)
        {
            int status = UnsupervisedNativeMethods.Nmf(
                xp, rows, cols, rank, options.MaxIterations, options.Tolerance, (int)options.Init, options.Seed, options.Device, wp, hp, &native);
            NativeMethods.Check(status, "Nmf.Fit");
        }

        return new NmfResult(w, h, rows, cols, rank, native.ReconstructionError, native.Iterations, native.Converged != 0);
    }

    internal static void CheckRank(int rank, int rows, int cols)
    {
        int limit = Math.Min(rows, cols);
        if (rank < 1 || rank > limit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rank),
                rank,
                string.Create(CultureInfo.InvariantCulture, $"rank must be in 1..min(rows, cols) = 1..{limit}."));
        }
    }
}
