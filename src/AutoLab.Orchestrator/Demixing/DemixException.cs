namespace AutoLab.Orchestrator.Demixing;

/// <summary>A run folder's library cannot be demixed; the message says which experiment or file and why.</summary>
public sealed class DemixException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, and where.</param>
    public DemixException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong, and where.</param>
    /// <param name="inner">The cause.</param>
    public DemixException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
