namespace AutoLab.Simulators.Crystallography;

/// <summary>A CIF file could not be read; the message names the line, the tag and what was expected.</summary>
public sealed class CifParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CifParseException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public CifParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CifParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a place in the file; the message becomes "{source}:{line}: {problem}".</summary>
    /// <param name="source">File name or "CIF".</param>
    /// <param name="line">1-based line number, or 0 when the problem is not on one line.</param>
    /// <param name="problem">What is wrong there.</param>
    public CifParseException(string source, int line, string problem)
        : base(line > 0 ? $"{source}:{line}: {problem}" : $"{source}: {problem}")
    {
        Line = line;
    }

    /// <summary>1-based line of the problem; 0 when it is not on one line (a missing tag).</summary>
    public int Line { get; }
}
