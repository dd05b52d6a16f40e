using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoLab.Orchestrator.Hosting;

/// <summary>The one-line console log every AutoLab process writes (orchestrator and <c>autolab serve</c> workers alike).</summary>
public static class HostConsoleLogging
{
    /// <summary>Environment variable whose level (Trace, Debug, Information, ...) overrides the quiet default, for diagnosis.</summary>
    public const string LevelVariable = "AUTOLAB_LOG_LEVEL";

    /// <summary>Adds single-line, timestamped console logging at <paramref name="defaultLevel"/> or <see cref="LevelVariable"/>'s level.</summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="defaultLevel">The level when the variable is unset or not a level name.</param>
    public static void Configure(HostApplicationBuilder builder, LogLevel defaultLevel)
    {
        ArgumentNullException.ThrowIfNull(builder);
        LogLevel level = Enum.TryParse(Environment.GetEnvironmentVariable(LevelVariable), ignoreCase: true, out LogLevel fromEnvironment)
            ? fromEnvironment
            : defaultLevel;
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        }).SetMinimumLevel(level);
    }
}
