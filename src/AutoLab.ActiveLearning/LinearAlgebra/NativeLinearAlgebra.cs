using System.Runtime.InteropServices;

namespace AutoLab.ActiveLearning.LinearAlgebra;

/// <summary>
/// Loads the native BLAS/LAPACK once, sets its thread count, and reports a missing library with the
/// package to install.
/// </summary>
/// <remarks>
/// Thread policy: when the process environment sets <c>OPENBLAS_NUM_THREADS</c>, OpenBLAS reads it itself
/// and it is left alone. Otherwise OpenBLAS is told to use one thread, because the Gaussian-process
/// matrices of a suggestion (a few hundred to a few thousand rows) gain little from more threads and the
/// suggestion service shares its cores with the rest of the lab's services; oversubscribed BLAS threads
/// were measured to slow small problems several-fold (docs/strategies.md). Call
/// <see cref="SetThreadCount"/> to choose otherwise, as the benchmark does to match its Python peer.
/// <seealso cref="CholeskyFactor"/>
/// </remarks>
public static class NativeLinearAlgebra
{
    /// <summary>The Debian packages that provide the libraries.</summary>
    public const string Packages = "libopenblas0-pthread liblapack3";

    private static readonly Lazy<bool> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static IntPtr setThreads;

    /// <summary>Whether libblas.so.3 and liblapack.so.3 can be loaded.</summary>
    public static bool IsAvailable
    {
        get
        {
            try
            {
                return Loaded.Value;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    /// <summary>Throws a clear error when the native libraries are missing; loads them and applies the thread policy otherwise.</summary>
    /// <exception cref="InvalidOperationException">libblas.so.3 or liblapack.so.3 cannot be loaded; the message names the packages.</exception>
    public static void EnsureAvailable() => _ = Loaded.Value;

    /// <summary>Sets the number of OpenBLAS threads for the whole process.</summary>
    /// <param name="threads">Threads, at least 1.</param>
    /// <returns>True when the loaded BLAS is OpenBLAS and accepted the setting; false for another BLAS.</returns>
    public static unsafe bool SetThreadCount(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        EnsureAvailable();
        if (setThreads == IntPtr.Zero)
        {
            return false;
        }

        ((delegate* unmanaged<int, void>)setThreads)(threads);
        return true;
    }

    /// <summary>The error raised when a native call finds no library.</summary>
    /// <param name="inner">The loader's error.</param>
    /// <returns>An exception whose message says what to install.</returns>
    internal static InvalidOperationException Missing(Exception inner) => new(
        $"native BLAS/LAPACK (libblas.so.3, liblapack.so.3) could not be loaded: install libopenblas0-pthread (apt-get install -y {Packages}); {inner.Message}",
        inner);

    private static unsafe bool Load()
    {
        if (!NativeLibrary.TryLoad(NativeBlas.Library, out IntPtr blas) || !NativeLibrary.TryLoad(NativeLapack.Library, out _))
        {
            throw Missing(new DllNotFoundException($"dlopen failed for {NativeBlas.Library} or {NativeLapack.Library}"));
        }

        // Debian's OpenBLAS libblas.so.3 links libopenblas.so.0, which exports the thread setter.
        if (!NativeLibrary.TryGetExport(blas, "openblas_set_num_threads", out setThreads)
            && NativeLibrary.TryLoad("libopenblas.so.0", out IntPtr openblas))
        {
            NativeLibrary.TryGetExport(openblas, "openblas_set_num_threads", out setThreads);
        }

        if (setThreads != IntPtr.Zero && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS")))
        {
            ((delegate* unmanaged<int, void>)setThreads)(1);
        }

        return true;
    }
}
