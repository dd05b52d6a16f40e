namespace AutoLab.Analysis.Torch;

/// <summary>The loaded libtorch: version, threads and devices.</summary>
/// <remarks>Every member loads the shim first (<see cref="TorchLibrary.EnsureLoaded"/>).</remarks>
public static class TorchRuntime
{
    /// <summary>"autolab-torch ABI (libtorch VERSION, cuda yes|no)".</summary>
    public static string Version
    {
        get
        {
            TorchLibrary.EnsureLoaded();
            return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(NativeMethods.VersionPointer()) ?? string.Empty;
        }
    }

    /// <summary>CUDA devices libtorch can use: 0 for a CPU-only build or a machine without a GPU.</summary>
    public static int CudaDeviceCount
    {
        get
        {
            TorchLibrary.EnsureLoaded();
            return NativeMethods.CudaDeviceCount();
        }
    }

    /// <summary>libtorch's intra-op thread count (process-wide).</summary>
    public static int Threads
    {
        get
        {
            TorchLibrary.EnsureLoaded();
            return NativeMethods.GetNumThreads();
        }
    }

    /// <summary>Sets libtorch's intra-op threads and OpenBLAS's, process-wide.</summary>
    /// <remarks>
    /// Sized deliberately because libtorch's OpenMP pool and OpenBLAS's pthread pool each default to
    /// every core; several analysis workers in one process should share the cores, not multiply them.
    /// The inter-op pool is sized once, by the first call (the library's load makes that call).
    /// </remarks>
    /// <param name="threads">At least 1.</param>
    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        TorchLibrary.EnsureLoaded();
        NativeMethods.Check(NativeMethods.SetNumThreads(threads), "TorchRuntime.SetThreads");
    }

    /// <summary>What a device name resolves to here: "auto" becomes "cuda:0" or "cpu".</summary>
    /// <param name="device">"cpu", "cuda", "cuda:N" or "auto".</param>
    /// <returns>The concrete device, e.g. "cpu" or "cuda:0".</returns>
    /// <exception cref="TorchException">The device is unknown, or CUDA was asked for where there is none.</exception>
    public static unsafe string ResolveDevice(string device)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        TorchLibrary.EnsureLoaded();
        return NativeMethods.ReadString((buffer, capacity) => NativeMethods.ResolveDevice(device, (byte*)buffer, capacity), "TorchRuntime.ResolveDevice");
    }
}
