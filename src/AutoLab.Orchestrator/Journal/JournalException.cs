namespace AutoLab.Orchestrator.Journal;

/// <summary>
/// A journal file or its content cannot be used: not a journal, an unknown schema version, an
/// unreadable payload, or a journal that does not describe a campaign.
/// </summary>
/// <remarks>The message names the file or entry and what is wrong, so the CLI can print it as it is.</remarks>
public sealed class JournalException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public JournalException()
        : base("The campaign journal cannot be used.")
    {
    }

    /// <summary>Creates the exception with a message naming the problem and where it is.</summary>
    /// <param name="message">What is wrong and where.</param>
    public JournalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The underlying error (SQLite, JSON).</param>
    public JournalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
