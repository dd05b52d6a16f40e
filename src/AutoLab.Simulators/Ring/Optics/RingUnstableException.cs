namespace AutoLab.Simulators.Ring.Optics;

/// <summary>The ring has no stable closed orbit or no stable linear motion at the requested momentum.</summary>
public sealed class RingUnstableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RingUnstableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is unstable and where.</param>
    public RingUnstableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is unstable and where.</param>
    /// <param name="innerException">The cause.</param>
    public RingUnstableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
