using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AutoLab.Orchestrator.Hosting;

/// <summary>
/// Checks that a RabbitMQ broker answers before the bus starts, so a dead broker gives one clear
/// message instead of MassTransit retrying in the background.
/// </summary>
public static class BrokerProbe
{
    /// <summary>Returns null when the broker accepted a connection, else what went wrong (password redacted).</summary>
    public static async Task<string?> CheckAsync(Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = uri,
            RequestedConnectionTimeout = timeout,
            AutomaticRecoveryEnabled = false,
        };
        string shown = BusOptions.Redact(uri.ToString());
        try
        {
            await using IConnection connection = await factory.CreateConnectionAsync("autolab-probe", cancellationToken);
            return null;
        }
        catch (BrokerUnreachableException e) when (e.InnerException is AuthenticationFailureException)
        {
            return $"RabbitMQ at {shown} refused the credentials: {e.InnerException.Message}. " +
                   $"Set {BusOptions.RabbitMqUriVariable} or --rabbitmq to a URI with a valid user (scripts/rabbitmq.sh start writes one to .autolab/rabbitmq.uri).";
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException)
        {
            return $"cannot reach RabbitMQ at {shown}: {Innermost(e).Message}. " +
                   "Start a local broker with `scripts/rabbitmq.sh start`, or pass --rabbitmq URI.";
        }
    }

    static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
