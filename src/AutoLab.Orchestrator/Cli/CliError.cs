namespace AutoLab.Orchestrator.Cli;

/// <summary>A problem the user can fix, reported as one clear line and an exit code, without a stack trace.</summary>
public sealed class CliError : Exception
{
    /// <summary>Exit code for bad input (spec, arguments, run folder).</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for infrastructure that is not there (a broker that is down).</summary>
    public const int Unavailable = 3;

    /// <summary>Creates the error.</summary>
    public CliError(string message, int exitCode = BadInput)
        : base(message) => ExitCode = exitCode;

    /// <summary>Creates the error (serialization-style constructor for analyzers).</summary>
    public CliError()
        : this("error") { }

    /// <summary>Creates the error with a cause.</summary>
    public CliError(string message, Exception innerException)
        : base(message, innerException) => ExitCode = BadInput;

    /// <summary>The process exit code to return.</summary>
    public int ExitCode { get; }
}
