namespace AutoLab.Instruments.Adapters.Process;

/// <summary>How a <see cref="ProcessInstrument"/> runs the user's command.</summary>
/// <remarks>Checked by <see cref="ProcessInstrumentOptionsValidator"/>. The stdin/stdout contract is in docs/instruments.md.</remarks>
public sealed class ProcessInstrumentOptions
{
    /// <summary>Default for <see cref="Timeout"/>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Program to run: an absolute path, or a name found on PATH (e.g. "/usr/bin/python3").</summary>
    public string Executable { get; set; } = "";

    /// <summary>Arguments, passed as they are (no shell quoting).</summary>
    public IList<string> Arguments { get; } = [];

    /// <summary>Working directory of the process; the host's current directory when null or empty.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Extra environment variables for the process.</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Longest run allowed; past it the process and its children are killed and the step times out.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
}
