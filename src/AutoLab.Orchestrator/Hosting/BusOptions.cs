namespace AutoLab.Orchestrator.Hosting;

/// <summary>How the orchestrator connects to its bus.</summary>
public sealed record BusOptions
{
    /// <summary>Environment variable holding the broker URI (with credentials) when no option gives one.</summary>
    public const string RabbitMqUriVariable = "AUTOLAB_RABBITMQ_URI";

    /// <summary>In-memory or RabbitMQ.</summary>
    public TransportKind Transport { get; init; } = TransportKind.InMemory;

    /// <summary>Broker URI such as amqp://user:password@127.0.0.1:5672/; required for RabbitMQ.</summary>
    public Uri? RabbitMqUri { get; init; }

    /// <summary>Messages each experiment-saga endpoint processes at once.</summary>
    public int ExperimentConcurrency { get; init; } = 64;

    /// <summary>
    /// The campaign this process runs; on RabbitMQ it gives the saga and in-process instrument queues
    /// their own names (<see cref="BusScope"/>), so several orchestrators can share one virtual host.
    /// Null keeps the fixed names. The in-memory bus ignores it: nothing else shares that bus.
    /// </summary>
    public Guid? Scope { get; init; }

    /// <summary>
    /// Resolves the broker URI: the explicit option first, then <see cref="RabbitMqUriVariable"/>.
    /// Credentials are never built in; a URI without them uses the broker's defaults for loopback.
    /// </summary>
    public static Uri? ResolveRabbitMqUri(string? option)
    {
        string? text = string.IsNullOrWhiteSpace(option) ? Environment.GetEnvironmentVariable(RabbitMqUriVariable) : option;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
        {
            throw new ArgumentException($"'{Redact(text)}' is not a broker URI; expected amqp://user:password@host:5672/vhost");
        }

        return uri;
    }

    /// <summary>The URI with its password replaced by ***, safe for logs and messages.</summary>
    public static string Redact(string uri)
    {
        int scheme = uri.IndexOf("://", StringComparison.Ordinal);
        int at = uri.LastIndexOf('@');
        if (scheme < 0 || at < scheme)
        {
            return uri;
        }

        int colon = uri.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? string.Concat(uri.AsSpan(0, colon + 1), "***", uri.AsSpan(at)) : uri;
    }
}
