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
}
