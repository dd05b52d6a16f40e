namespace AutoLab.Orchestrator.Cli;

/// <summary>Runs a command body and turns user-fixable errors into a message and an exit code.</summary>
public static class CliAction
{
    /// <summary>Runs <paramref name="body"/>; a <see cref="CliError"/> prints "error: ..." and returns its exit code.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliError e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
    }
}
