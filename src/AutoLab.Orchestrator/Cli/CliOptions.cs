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

    /// <summary>--services local|remote.</summary>
    public static Option<string> Services() => new Option<string>("--services")
    {
        Description = "Who analyses measurements and suggests experiments: local (this process, the default) or remote " +
                      "(only `autolab serve analysis` and `autolab serve active-learning` processes on the same broker; needs --transport rabbitmq).",
        DefaultValueFactory = _ => "local",
    }.AcceptOnlyFromAmong("local", "remote");

    /// <summary>
    /// Whether this orchestrator hosts the analysis and active-learning consumers itself: true for
    /// <c>--services local</c>; false for <c>remote</c>, which needs RabbitMQ (a clear <see cref="CliError"/> otherwise).
    /// </summary>
    /// <param name="services">The parsed <c>--services</c> value.</param>
    /// <param name="bus">The parsed bus options.</param>
    /// <returns>The value of <see cref="AutoLabHostOptions.HostServices"/>.</returns>
    public static bool HostsServices(string services, BusOptions bus)
    {
        if (services != "remote")
        {
            return true;
        }

        return bus.Transport == TransportKind.RabbitMq
            ? false
            : throw new CliError(
                "--services remote needs --transport rabbitmq: analysis and suggestions then come from `autolab serve` " +
                "processes on the broker, which the in-memory bus of this process cannot reach.");
    }

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
