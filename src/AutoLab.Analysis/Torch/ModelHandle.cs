using System.Runtime.InteropServices;

namespace AutoLab.Analysis.Torch;

/// <summary>Owns one al_model; releasing it calls al_model_free exactly once.</summary>
/// <remarks>
/// A SafeHandle rather than a raw pointer: the marshaller keeps it alive (reference-counted) for the
/// length of every native call, so disposing on one thread while another is inside the library
/// cannot free the model under it, and a finalizer frees a model nobody disposed.
/// </remarks>
internal sealed class ModelHandle : SafeHandle
{
    /// <summary>Creates an empty handle for the marshaller to fill.</summary>
    public ModelHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == nint.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMethods.ModelFree(handle);
        return true;
    }
}
