using Microsoft.Extensions.Logging;

namespace AutoLab.Orchestrator.Hosting;

/// <summary>Everything an <c>autolab serve</c> worker process needs: the broker, what it serves, how many at once.</summary>
/// <seealso cref="WorkerHost"/>
public sealed record WorkerHostOptions
{
    /// <summary>Broker URI such as amqp://user:password@host:5672/vhost; workers only make sense on a broker.</summary>
    public required Uri RabbitMqUri { get; init; }

    /// <summary>The services to host; at least one.</summary>
    public required WorkerServices Services { get; init; }

    /// <summary>
    /// Messages this process handles at once on each queue it serves, and its RabbitMQ prefetch, so a busy worker
    /// holds no more messages than it can run and an idle one takes the next (<c>AnalysisOptions.Workers</c>).
    /// </summary>
    public required int Workers { get; init; }

    /// <summary>Lowest log level written to the console.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>The first invalid setting, or null.</summary>
    /// <returns>A message naming the setting, or null.</returns>
    public string? FindProblem() =>
        Services == WorkerServices.None ? "a worker must serve analysis, active-learning or both"
        : Workers < 1 ? $"--workers must be 1 or more, not {Workers}"
        : null;
}
