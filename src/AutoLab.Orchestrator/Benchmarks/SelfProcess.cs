using System.Diagnostics;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>
/// Runs this program again in a fresh process, so a measurement (peak memory, a bus's raw rate) is not
/// coloured by what earlier measurements left behind in this one.
/// </summary>
public static class SelfProcess
{
    /// <summary>Runs this program again with <paramref name="arguments"/> and returns the last line it printed.</summary>
    public static async Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken ct)
    {
        string processPath = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
        var info = new ProcessStartInfo(processPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        }

        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start a benchmark child process");
        Task<string> error = process.StandardError.ReadToEndAsync(ct);
        string output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"benchmark child process failed (exit {process.ExitCode}): {await error}");
        }

        return output.Trim().Split('\n')[^1];
    }
}
