using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>Runs a Python peer script of the analysis benchmark with a pinned thread count and reads its JSON line.</summary>
/// <remarks>
/// Peers run under Debian's <c>/usr/bin/python3</c>, which carries python3-torch and python3-sklearn; the
/// first <c>python3</c> on PATH may be another interpreter that does not see them. The thread variables
/// are set in the peer's environment because numpy's OpenBLAS and PyTorch's OpenMP pool read them when
/// they load, before the script can change anything.
/// </remarks>
public static class PythonPeer
{
    /// <summary>Debian's interpreter.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Why the interpreter cannot import <paramref name="module"/>, or null when it can.</summary>
    /// <param name="module">A module name, e.g. "torch".</param>
    /// <param name="package">The Debian package that provides it, for the message.</param>
    /// <returns>A one-line note, or null.</returns>
    public static string? MissingModule(string module, string package)
    {
        if (!File.Exists(Python))
        {
            return $"skipped: {Python} not found (apt-get install -y python3 {package})";
        }

        ProcessStartInfo start = new(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"import {module}");
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"skipped: {Python} cannot import {module} (apt-get install -y {package}): {LastLine(error.Result)}";
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> and parses the last line it printed.</summary>
    /// <param name="script">Full path of the peer script.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="threads">OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and MKL_NUM_THREADS for the peer.</param>
    /// <returns>The parsed JSON object (a detached copy).</returns>
    /// <exception cref="InvalidOperationException">The script failed; the message carries its last error line.</exception>
    public static JsonElement Run(string script, IEnumerable<string> arguments, int threads)
    {
        ProcessStartInfo start = new(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        string count = threads.ToString(CultureInfo.InvariantCulture);
        start.Environment["OPENBLAS_NUM_THREADS"] = count;
        start.Environment["OMP_NUM_THREADS"] = count;
        start.Environment["MKL_NUM_THREADS"] = count;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(script)} failed (exit {process.ExitCode}): {LastLine(error.Result)}");
        }

        using JsonDocument document = JsonDocument.Parse(LastLine(output));
        return document.RootElement.Clone();
    }

    /// <summary>Finds a peer script by walking up from the working and application directories.</summary>
    /// <param name="relativePath">Its path relative to the repository root.</param>
    /// <returns>Its full path.</returns>
    /// <exception cref="InvalidOperationException">Not found: the command was not run from a checkout.</exception>
    public static string Find(string relativePath)
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"{relativePath} not found above {Directory.GetCurrentDirectory()}; run from the repository");
    }

    private static string LastLine(string text)
    {
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? string.Empty : lines[^1];
    }
}
