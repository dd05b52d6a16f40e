using System.CommandLine;
using AutoLab.Analysis.Consumers;
using AutoLab.Orchestrator.Hosting;
using Microsoft.Extensions.Hosting;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// <c>autolab serve analysis|active-learning|all... [--rabbitmq URI] [--workers N]</c>: a long-running worker that
/// hosts only the named stateless services on their shared RabbitMQ queues, competing with other workers (and with
/// any orchestrator that hosts services) for each message.
/// </summary>
/// <remarks>
/// Pair it with <c>autolab run ... --transport rabbitmq --services remote</c>. Ctrl+C or SIGTERM stops it: it takes
/// no new message, finishes the ones in progress (up to <see cref="WorkerHost.ConsumerStopTimeout"/>; the process ends
/// 2 s after the signal in any case), and the broker returns whatever it still held unacknowledged to the queue for
/// another worker. docs/deployment.md shows a setup.
/// </remarks>
public static class ServeCommand
{
    /// <summary>Environment variable giving the default of <c>--workers</c> (shared with the analysis options).</summary>
    public const string WorkersVariable = AutoLab.Analysis.Pipeline.AnalysisOptions.WorkersVariable;

    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var services = new Argument<string[]>("service")
        {
            Description = "What to serve: analysis, active-learning, or all (both).",
            Arity = ArgumentArity.OneOrMore,
        }.AcceptOnlyFromAmong("analysis", "active-learning", "all");
        var transport = new Option<string>("--transport")
        {
            Description = "Message bus; only rabbitmq makes sense for a worker in its own process (the default).",
            DefaultValueFactory = _ => "rabbitmq",
        };
        Option<string?> rabbitMq = CliOptions.RabbitMq();
        var workers = new Option<int?>("--workers")
        {
            Description = $"Messages handled at once on each queue, also the RabbitMQ prefetch (default: ${WorkersVariable}, else one per CPU core).",
        };
        var command = new Command("serve", "Serve analysis and/or active learning from this process on a RabbitMQ broker, until Ctrl+C.")
        {
            services, transport, rabbitMq, workers,
        };
        command.SetAction((parse, ct) => CliAction.RunAsync(() => ServeAsync(
            ToWorkerOptions(parse.GetRequiredValue(services), parse.GetRequiredValue(transport), parse.GetValue(rabbitMq), parse.GetValue(workers)), ct)));
        return command;
    }

    /// <summary>Turns the parsed values into <see cref="WorkerHostOptions"/>; a <see cref="CliError"/> says what is wrong.</summary>
    /// <param name="services">The service names given (analysis, active-learning, all).</param>
    /// <param name="transport">The <c>--transport</c> value; anything but rabbitmq is refused.</param>
    /// <param name="rabbitMq">The <c>--rabbitmq</c> value, or null for <c>$AUTOLAB_RABBITMQ_URI</c>.</param>
    /// <param name="workers">The <c>--workers</c> value, or null for the default.</param>
    /// <returns>The worker's options.</returns>
    public static WorkerHostOptions ToWorkerOptions(IReadOnlyList<string> services, string transport, string? rabbitMq, int? workers)
    {
        if (transport != "rabbitmq")
        {
            throw new CliError(
                $"autolab serve needs --transport rabbitmq, not '{transport}': an in-memory bus lives inside one process, so no " +
                "orchestrator could send this worker anything. `autolab run` without --services remote hosts analysis and active learning itself.");
        }

        WorkerServices served = WorkerServices.None;
        foreach (string name in services)
        {
            served |= name switch
            {
                "analysis" => WorkerServices.Analysis,
                "active-learning" => WorkerServices.ActiveLearning,
                "all" => WorkerServices.Analysis | WorkerServices.ActiveLearning,
                _ => throw new CliError($"unknown service '{name}'; expected analysis, active-learning or all"),
            };
        }

        int count = workers ?? DefaultWorkers();
        BusOptions bus = CliOptions.ToBusOptions(transport, rabbitMq);
        var options = new WorkerHostOptions { RabbitMqUri = bus.RabbitMqUri!, Services = served, Workers = count };
        return options.FindProblem() is { } problem ? throw new CliError(problem) : options;
    }

    /// <summary>What the ready line calls the services, in a fixed order.</summary>
    /// <param name="services">The services served.</param>
    /// <returns>E.g. "analysis and active-learning".</returns>
    public static string Describe(WorkerServices services) => services switch
    {
        WorkerServices.Analysis => AnalysisEndpoints.QueueName,
        WorkerServices.ActiveLearning => AutoLab.ActiveLearning.Consumers.ActiveLearningEndpoints.QueueName,
        _ => $"{AnalysisEndpoints.QueueName} and {AutoLab.ActiveLearning.Consumers.ActiveLearningEndpoints.QueueName}",
    };

    static int DefaultWorkers() =>
        int.TryParse(Environment.GetEnvironmentVariable(WorkersVariable), out int fromEnvironment) && fromEnvironment > 0
            ? fromEnvironment
            : Environment.ProcessorCount;

    static async Task<int> ServeAsync(WorkerHostOptions options, CancellationToken ct)
    {
        await CampaignSession.EnsureBrokerAsync(new BusOptions { Transport = TransportKind.RabbitMq, RabbitMqUri = options.RabbitMqUri }, ct);
        using IHost host = WorkerHost.Build(options);
        using (var startCancel = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            startCancel.CancelAfter(StartTimeout);
            await host.StartAsync(startCancel.Token);
        }

        // Scripts and tests wait for this line: the queues exist and this process consumes them from now on.
        Console.WriteLine(
            $"serving {Describe(options.Services)} on {BusOptions.Redact(options.RabbitMqUri.ToString())} with {options.Workers} " +
            $"worker{(options.Workers == 1 ? "" : "s")} as {AnalyzeMeasurementConsumer.Worker}; Ctrl+C stops");
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: the normal way out.
        }

        Console.WriteLine("stopping: finishing the messages in progress; anything not acknowledged goes back to the queue");
        await host.StopAsync(CancellationToken.None);
        Console.WriteLine("stopped");
        return 0;
    }
}
