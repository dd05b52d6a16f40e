using System.Runtime.InteropServices;

namespace AutoLab.Analysis.Unsupervised;

/// <summary>al_nmf_result, field for field (autolab_torch.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeNmfResult
{
    /// <summary>Frobenius norm of X - W H.</summary>
    public double ReconstructionError;

    /// <summary>Sweeps run.</summary>
    public int Iterations;

    /// <summary>1 when the tolerance was met before the iteration limit.</summary>
    public int Converged;
}
