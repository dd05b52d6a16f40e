namespace AutoLab.Analysis.Torch;

/// <summary>The libtorch shim (libautolab_torch.so) could not be found, loaded or accepted.</summary>
/// <remarks>
/// The message lists every place searched and how to fix it (install <c>libtorch-dev</c>, run
/// <c>scripts/build-native.sh</c>). Thrown by <see cref="TorchLibrary.EnsureLoaded"/> and therefore by
/// every Torch API; <see cref="TorchLibrary.IsAvailable"/> asks without throwing.
/// </remarks>
public sealed class TorchUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public TorchUnavailableException()
        : base("the libtorch shim is not available")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was searched and how to fix it.</param>
    public TorchUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What was searched and how to fix it.</param>
    /// <param name="innerException">The loader's exception.</param>
    public TorchUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
