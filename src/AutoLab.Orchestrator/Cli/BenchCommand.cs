using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoLab.Orchestrator.Benchmarks;
using AutoLab.Orchestrator.Hosting;

namespace AutoLab.Orchestrator.Cli;

/// <summary><c>autolab bench loop [--json]</c>: throughput of the whole loop, beside MassTransit's raw rate, and peak memory.</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var bench = new Command("bench", "Measure performance; prints figures for docs/benchmarks.md.");
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var experiments = new Option<int>("--experiments") { Description = "Experiments per in-memory run.", DefaultValueFactory = _ => 3000 };
        var rabbitExperiments = new Option<int>("--rabbitmq-experiments") { Description = "Experiments per RabbitMQ run.", DefaultValueFactory = _ => 1000 };
        var repeats = new Option<int>("--repeats") { Description = "Runs per figure; the median is reported.", DefaultValueFactory = _ => 3 };
        var memoryExperiments = new Option<int>("--memory-experiments") { Description = "Experiments in the peak-memory campaign.", DefaultValueFactory = _ => 10_000 };
        var memoryProbe = new Option<int>("--memory-probe") { Description = "Internal: run one in-memory campaign of N experiments and print peak MiB.", Hidden = true };
        var requestProbe = new Option<string?>("--request-probe") { Description = "Internal: measure MassTransit request/response on one transport and print the rates.", Hidden = true };
        Option<string?> rabbitMq = CliOptions.RabbitMq();
        var loop = new Command("loop", "Experiments per second through the whole loop with instant instruments.")
        {
            json, experiments, rabbitExperiments, repeats, memoryExperiments, memoryProbe, requestProbe, rabbitMq,
        };
        loop.SetAction((parse, ct) => CliAction.RunAsync(() =>
            parse.GetValue(memoryProbe) is > 0 and int probe ? MemoryProbeAsync(probe, ct)
            : parse.GetValue(requestProbe) is { } transport ? RequestProbeAsync(transport, parse.GetValue(rabbitMq), ct)
            : LoopAsync(parse.GetValue(json), parse.GetValue(experiments), parse.GetValue(rabbitExperiments), parse.GetValue(repeats),
                parse.GetValue(memoryExperiments), parse.GetValue(rabbitMq), ct)));
        bench.Subcommands.Add(loop);
        bench.Subcommands.Add(SimulatorBenchCommands.Tracking());
        bench.Subcommands.Add(SimulatorBenchCommands.Simulators());
        bench.Subcommands.Add(OptimizerBenchCommand.Create());
        bench.Subcommands.Add(CampaignBenchCommand.Create());
        bench.Subcommands.Add(AnalysisBenchCommand.Create());
        return bench;
    }

    const int BatchSize = 32;

    static async Task<int> MemoryProbeAsync(int experiments, CancellationToken ct)
    {
        (double perSecond, _) = await LoopBenchmark.RunOnceAsync(new BusOptions(), experiments, BatchSize, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{PeakMemory.CurrentProcessMiB():F1} {perSecond:F1}"));
        return 0;
    }

    static async Task<int> RequestProbeAsync(string transport, string? rabbitMq, CancellationToken ct)
    {
        BusOptions bus = CliOptions.ToBusOptions(transport, rabbitMq);
        (double sequential, double concurrent) = await RequestResponseBenchmark.MeasureAsync(bus, 2000, BatchSize, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sequential:F1} {concurrent:F1}"));
        return 0;
    }

    static async Task<int> LoopAsync(bool json, int experiments, int rabbitExperiments, int repeats, int memoryExperiments, string? rabbitMqOption, CancellationToken ct)
    {
        var result = new JsonObject
        {
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            ["batch_size"] = BatchSize,
            ["repeats"] = repeats,
        };

        var inMemory = new BusOptions();
        result["inmemory"] = await MeasureTransportAsync(inMemory, experiments, repeats, json, ct);

        Uri? rabbitUri = BusOptions.ResolveRabbitMqUri(rabbitMqOption);
        if (rabbitUri is null)
        {
            result["rabbitmq"] = $"skipped: no broker URI (set {BusOptions.RabbitMqUriVariable} or --rabbitmq)";
        }
        else if (await BrokerProbe.CheckAsync(rabbitUri, TimeSpan.FromSeconds(5), ct) is { } problem)
        {
            result["rabbitmq"] = $"skipped: {problem}";
        }
        else
        {
            var rabbit = new BusOptions { Transport = TransportKind.RabbitMq, RabbitMqUri = rabbitUri };
            result["rabbitmq"] = await MeasureTransportAsync(rabbit, rabbitExperiments, repeats, json, ct);
        }

        Progress(json, $"peak memory: {memoryExperiments}-experiment in-memory campaign in a child process");
        string[] probe = (await SelfProcess.RunAsync(["bench", "loop", "--memory-probe", memoryExperiments.ToString(CultureInfo.InvariantCulture)], ct)).Split(' ');
        result["peak_memory"] = new JsonObject
        {
            ["experiments"] = memoryExperiments,
            ["peak_rss_mib"] = double.Parse(probe[0], CultureInfo.InvariantCulture),
            ["experiments_per_second"] = double.Parse(probe[1], CultureInfo.InvariantCulture),
            ["target_mib"] = 300,
        };

        Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = !json }));
        return 0;
    }

    static async Task<JsonObject> MeasureTransportAsync(BusOptions bus, int experiments, int repeats, bool json, CancellationToken ct)
    {
        string name = bus.Transport == TransportKind.RabbitMq ? "rabbitmq" : "inmemory";
        var rates = new List<double>();
        for (int i = 0; i < repeats; i++)
        {
            Progress(json, $"{name}: loop run {i + 1}/{repeats}, {experiments} experiments");
            (double perSecond, var ended) = await LoopBenchmark.RunOnceAsync(bus, experiments, BatchSize, ct);
            if (ended.Completed != experiments)
            {
                throw new CliError($"benchmark campaign did not complete all experiments: {ended.Outcome} ({ended.Reason}), {ended.Completed} completed, {ended.Faulted} faulted");
            }

            rates.Add(perSecond);
        }

        Progress(json, $"{name}: MassTransit request/response");
        var sequential = new List<double>();
        var concurrent = new List<double>();
        for (int i = 0; i < repeats; i++)
        {
            // Each in a fresh process: a MassTransit request client over RabbitMQ fails on a disposed
            // semaphore when earlier buses of the same process have been stopped.
            List<string> arguments = ["bench", "loop", "--request-probe", name];
            if (bus.RabbitMqUri is { } uri)
            {
                arguments.AddRange(["--rabbitmq", uri.ToString()]);
            }

            string[] measured = (await SelfProcess.RunAsync(arguments, ct)).Split(' ');
            sequential.Add(double.Parse(measured[0], CultureInfo.InvariantCulture));
            concurrent.Add(double.Parse(measured[1], CultureInfo.InvariantCulture));
        }

        return new JsonObject
        {
            ["experiments"] = experiments,
            ["loop_experiments_per_second_median"] = Median(rates),
            ["loop_experiments_per_second_runs"] = new JsonArray([.. rates.Select(r => JsonValue.Create(Math.Round(r, 1)))]),
            ["target_experiments_per_second"] = bus.Transport == TransportKind.RabbitMq ? 150 : 500,
            ["masstransit_request_response_sequential_per_second_median"] = Median(sequential),
            [$"masstransit_request_response_{BatchSize}_in_flight_per_second_median"] = Median(concurrent),
        };
    }

    static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return Math.Round(median, 1);
    }

    static void Progress(bool json, string message)
    {
        if (json)
        {
            Console.Error.WriteLine(message);
        }
        else
        {
            Console.WriteLine(message);
        }
    }
}
