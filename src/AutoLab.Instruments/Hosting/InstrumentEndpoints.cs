namespace AutoLab.Instruments.Hosting;

/// <summary>Names of the instruments' receive endpoints.</summary>
/// <remarks>
/// Prepare and measure commands are <em>sent</em> to <c>instrument.{name}</c>; the endpoints do not bind to
/// the message types' publish exchanges, so a published command reaches no instrument. An orchestrator that
/// shares its broker with others serves its in-process instruments on <c>instrument.{name}.{scope}</c>
/// instead, so its commands never reach another process's simulator (whose state differs); instruments
/// served by foreign adapters keep the global name.
/// </remarks>
public static class InstrumentEndpoints
{
    /// <summary>Prefix of every instrument queue.</summary>
    public const string QueuePrefix = "instrument.";

    /// <summary>The queue an instrument receives its commands on: <c>instrument.{name}</c>.</summary>
    /// <param name="instrument">Instrument name.</param>
    /// <returns>The queue name.</returns>
    public static string QueueName(string instrument)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instrument);
        return QueuePrefix + instrument;
    }

    /// <summary>The address to send an instrument's commands to (<c>queue:instrument.{name}</c>), for <c>GetSendEndpoint</c>.</summary>
    /// <param name="instrument">Instrument name.</param>
    /// <returns>A short queue address that works on every MassTransit transport.</returns>
    public static Uri Address(string instrument) => new($"queue:{QueueName(instrument)}");

    /// <summary>The queue of an instrument served by one orchestrator: <c>instrument.{name}.{scope}</c>, or <see cref="QueueName(string)"/> when <paramref name="scope"/> is null.</summary>
    /// <param name="instrument">Instrument name.</param>
    /// <param name="scope">The orchestrator's scope (its campaign id), or null for the global queue.</param>
    /// <returns>The queue name.</returns>
    public static string QueueName(string instrument, string? scope) =>
        string.IsNullOrEmpty(scope) ? QueueName(instrument) : $"{QueueName(instrument)}.{scope}";

    /// <summary>
    /// The address of <see cref="QueueName(string, string)"/>, for <c>GetSendEndpoint</c>. A scoped queue is
    /// non-durable and auto-deleted (RabbitMQ), and the address says so: MassTransit declares the queue again
    /// on send, and the broker refuses a declaration whose properties differ from the receive endpoint's.
    /// </summary>
    /// <param name="instrument">Instrument name.</param>
    /// <param name="scope">The orchestrator's scope, or null for the global queue.</param>
    /// <returns>A short queue address.</returns>
    public static Uri Address(string instrument, string? scope) => string.IsNullOrEmpty(scope)
        ? Address(instrument)
        : new($"queue:{QueueName(instrument, scope)}?durable=false&autodelete=true");
}
