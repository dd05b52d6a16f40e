namespace AutoLab.Simulators.Ring.Lte;

/// <summary>An elegant .lte file uses something outside the supported subset, or is malformed; the message names the file and line.</summary>
public sealed class LteParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LteParseException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">"FILE:LINE: problem".</param>
    public LteParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">"FILE:LINE: problem".</param>
    /// <param name="innerException">The cause.</param>
    public LteParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>1-based line of the problem, or 0 when it concerns the whole file.</summary>
    public int Line { get; init; }
}
