namespace AutoLab.Instruments.Adapters.Process;

/// <summary>What a finished child process left: its exit code and its whole stdout and stderr.</summary>
internal sealed record ProcessRun(int ExitCode, string StandardOutput, string StandardError)
{
    private const int TailLength = 2000;

    /// <summary>The end of stderr, trimmed, for error messages.</summary>
    public string StandardErrorTail
    {
        get
        {
            var trimmed = StandardError.Trim();
            return trimmed.Length <= TailLength ? trimmed : "..." + trimmed[^TailLength..];
        }
    }
}
