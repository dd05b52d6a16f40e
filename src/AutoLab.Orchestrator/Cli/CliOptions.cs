using System.CommandLine;
using AutoLab.Orchestrator.Hosting;

namespace AutoLab.Orchestrator.Cli;

/// <summary>Options shared by the commands that start a bus.</summary>
public static class CliOptions
{
    /// <summary>--transport inmemory|rabbitmq.</summary>
    public static Option<string> Transport() => new Option<string>("--transport")
    {
        Description = "Message bus: inmemory (one process, the default) or rabbitmq.",
        DefaultValueFactory = _ => "inmemory",
    }.AcceptOnlyFromAmong("inmemory", "rabbitmq");

    /// <summary>--rabbitmq URI.</summary>
    public static Option<string?> RabbitMq() => new("--rabbitmq")
    {
        Description = $"Broker URI, amqp://user:password@host:5672/ (default: ${BusOptions.RabbitMqUriVariable}).",
    };

    /// <summary>Turns the parsed values into <see cref="BusOptions"/>, with a clear error for a bad URI.</summary>
    public static BusOptions ToBusOptions(string transport, string? rabbitMq)
    {
        if (transport != "rabbitmq")
        {
            return new BusOptions();
        }

        Uri? uri;
        try
        {
            uri = BusOptions.ResolveRabbitMqUri(rabbitMq);
        }
        catch (ArgumentException e)
        {
            throw new CliError(e.Message);
        }

        return new BusOptions
        {
            Transport = TransportKind.RabbitMq,
            RabbitMqUri = uri ?? throw new CliError(
                $"--transport rabbitmq needs a broker: pass --rabbitmq URI or set {BusOptions.RabbitMqUriVariable} " +
                "(scripts/rabbitmq.sh start writes one to .autolab/rabbitmq.uri, which ./autolab exports).", CliError.Unavailable),
        };
    }
}
