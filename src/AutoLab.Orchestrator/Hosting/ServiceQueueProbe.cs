using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AutoLab.Orchestrator.Hosting;

/// <summary>
/// Asks the broker how many consumers the shared service queues have, so an orchestrator that leaves analysis and
/// suggestions to <c>autolab serve</c> workers can say at start-up which worker is missing, rather than the user
/// finding out from step timeouts.
/// </summary>
/// <remarks>
/// A passive queue declare (AMQP <c>queue.declare</c> with <c>passive</c> set) changes nothing and answers with the
/// queue's consumer count; a queue that does not exist yet (no worker ever started on this virtual host) is refused
/// with 404, which means no consumer either. The count is a snapshot: a worker may start or stop a moment later.
/// </remarks>
public static class ServiceQueueProbe
{
    /// <summary>The consumer count of each queue (0 for a queue that does not exist yet); null when the broker could not be asked.</summary>
    /// <param name="uri">The broker URI, with credentials.</param>
    /// <param name="queues">Queue names, such as <c>analysis</c> and <c>active-learning</c>.</param>
    /// <param name="timeout">Connection timeout.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>Consumers by queue name, or null when the broker did not answer.</returns>
    public static async Task<IReadOnlyDictionary<string, uint>?> CountConsumersAsync(
        Uri uri, IReadOnlyList<string> queues, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = uri,
            RequestedConnectionTimeout = timeout,
            AutomaticRecoveryEnabled = false,
        };
        var counts = new Dictionary<string, uint>(StringComparer.Ordinal);
        try
        {
            await using IConnection connection = await factory.CreateConnectionAsync("autolab-service-probe", cancellationToken);
            foreach (string queue in queues)
            {
                // One channel per queue: a 404 closes the channel it happened on.
                await using IChannel channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                try
                {
                    QueueDeclareOk ok = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                    counts[queue] = ok.ConsumerCount;
                }
                catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == Constants.NotFound)
                {
                    counts[queue] = 0;
                }
            }
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException)
        {
            return null;
        }

        return counts;
    }
}
