namespace AutoLab.Analysis.Torch;

/// <summary>A libtorch shim call failed; the message is the shim's, prefixed by the operation.</summary>
/// <remarks>
/// The shim catches every C++ exception at its C boundary (libtorch's included) and keeps the text,
/// so this carries libtorch's own explanation: a shape mismatch, a CUDA error, a non-finite input
/// named by row. <see cref="TorchUnavailableException"/> is the separate case of no library at all.
/// </remarks>
public sealed class TorchException : Exception
{
    /// <summary>Creates the exception with a message only.</summary>
    public TorchException()
        : base("libtorch shim call failed")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public TorchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public TorchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed shim call.</summary>
    /// <param name="operation">The C# operation, e.g. "TorchNetwork.Train".</param>
    /// <param name="nativeMessage">al_last_error()'s text.</param>
    public TorchException(string operation, string nativeMessage)
        : base($"{operation} failed: {(string.IsNullOrEmpty(nativeMessage) ? "no message from the shim" : nativeMessage)}")
    {
        Operation = operation;
    }

    /// <summary>The C# operation that failed (empty when not set).</summary>
    public string Operation { get; } = string.Empty;
}
