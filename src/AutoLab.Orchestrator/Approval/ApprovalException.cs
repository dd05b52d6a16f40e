namespace AutoLab.Orchestrator.Approval;

/// <summary>An approval that cannot be made as asked (nothing waits, an unknown batch, no live campaign); the message says why.</summary>
public sealed class ApprovalException : Exception
{
    /// <summary>Creates the error.</summary>
    public ApprovalException(string message)
        : base(message) { }

    /// <summary>Creates the error (serialization-style constructor for analyzers).</summary>
    public ApprovalException()
        : this("approval refused") { }

    /// <summary>Creates the error with a cause.</summary>
    public ApprovalException(string message, Exception innerException)
        : base(message, innerException) { }
}
