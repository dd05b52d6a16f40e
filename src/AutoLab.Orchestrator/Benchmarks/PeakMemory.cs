using System.Diagnostics;
using System.Globalization;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>Peak resident memory of a process, from Linux's /proc (VmHWM).</summary>
public static class PeakMemory
{
    /// <summary>This process's peak resident set in MiB, or NaN where /proc is not available.</summary>
    public static double CurrentProcessMiB()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return double.NaN;
        }

        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                string kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return double.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }

    /// <summary>Runs this program again with <paramref name="arguments"/> and returns the last line it printed.</summary>
    public static async Task<string> RunSelfAsync(IEnumerable<string> arguments, CancellationToken ct)
    {
        string processPath = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
        var info = new ProcessStartInfo(processPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(PeakMemory).Assembly.Location);
        }

        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start the memory probe");
        Task<string> error = process.StandardError.ReadToEndAsync(ct);
        string output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"memory probe failed (exit {process.ExitCode}): {await error}");
        }

        return output.Trim().Split('\n')[^1];
    }
}
