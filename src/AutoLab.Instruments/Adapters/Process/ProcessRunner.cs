using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AutoLab.Instruments.Adapters.Process;

/// <summary>Runs a child process with stdin, stdout and stderr redirected, killing its whole tree on timeout or cancellation.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessRun> RunAsync(ProcessInstrumentOptions options, byte[] input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = string.IsNullOrEmpty(options.WorkingDirectory) ? "" : options.WorkingDirectory,
        };
        foreach (var argument in options.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in options.Environment)
        {
            start.Environment[name] = value;
        }

        using var process = new System.Diagnostics.Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"could not start '{options.Executable}' (working directory '{start.WorkingDirectory}'): {ex.Message}", ex);
        }

        using var limit = new CancellationTokenSource(options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(linked.Token);
        var stderr = process.StandardError.ReadToEndAsync(linked.Token);
        try
        {
            await WriteInputAsync(process, input, linked.Token);
            await process.WaitForExitAsync(linked.Token);
            return new ProcessRun(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            if (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"process '{options.Executable}' did not finish within {options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; it and its child processes were killed");
            }

            throw;
        }
    }

    private static async Task WriteInputAsync(System.Diagnostics.Process process, byte[] input, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken);
            await process.StandardInput.BaseStream.FlushAsync(cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process closed stdin without reading it all (it may not need the request);
            // its exit code and stdout decide the outcome.
        }
    }

    private static void KillTree(System.Diagnostics.Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }
    }
}
