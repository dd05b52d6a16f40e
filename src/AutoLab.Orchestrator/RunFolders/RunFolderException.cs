namespace AutoLab.Orchestrator.RunFolders;

/// <summary>A run folder cannot be used for what was asked (missing, not a run folder, already holding a campaign).</summary>
/// <remarks>The message names the folder and what to do, so the CLI can print it as it is.</remarks>
public sealed class RunFolderException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public RunFolderException()
        : base("The run folder cannot be used.")
    {
    }

    /// <summary>Creates the exception with a message naming the folder and the problem.</summary>
    /// <param name="message">What is wrong and where.</param>
    public RunFolderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The underlying I/O error.</param>
    public RunFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
