namespace AutoLab.Orchestrator.Hosting;

/// <summary>Which message bus carries the loop.</summary>
public enum TransportKind
{
    /// <summary>MassTransit's in-memory bus: everything in one process (the embedded default).</summary>
    InMemory,

    /// <summary>RabbitMQ: adapters and workers may run in other processes or languages.</summary>
    RabbitMq,
}
