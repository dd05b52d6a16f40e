using System.Diagnostics;
using System.Text;

namespace AutoLab.IntegrationTests.Support;

/// <summary>Runs the real <c>autolab</c> program (the built Orchestrator) as a child process.</summary>
public static class AutoLabCommand
{
    /// <summary>What a finished run printed and returned.</summary>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>Both streams, for assertion messages.</summary>
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
    }

    /// <summary>Starts <c>autolab</c> with <paramref name="arguments"/> without waiting.</summary>
    public static Process Start(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        info.ArgumentList.Add(typeof(AutoLab.Orchestrator.Cli.AutoLabCli).Assembly.Location);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach ((string key, string? value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start autolab");
    }

    /// <summary>Runs <c>autolab</c> to the end (or kills it after <paramref name="timeout"/>).</summary>
    public static async Task<Result> RunAsync(IEnumerable<string> arguments, TimeSpan? timeout = null, IDictionary<string, string?>? environment = null)
    {
        using Process process = Start(arguments, environment);
        var output = new StringBuilder();
        var error = new StringBuilder();
        Task readOut = Pump(process.StandardOutput, output);
        Task readErr = Pump(process.StandardError, error);
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"autolab {string.Join(' ', arguments)} did not finish in time\n{output}\n{error}");
        }

        await Task.WhenAll(readOut, readErr);
        return new Result(process.ExitCode, output.ToString(), error.ToString());
    }

    static async Task Pump(StreamReader reader, StringBuilder into)
    {
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            lock (into)
            {
                into.AppendLine(line);
            }
        }
    }
}
