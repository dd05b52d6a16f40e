using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AutoLab.IntegrationTests.Support;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace AutoLab.IntegrationTests;

/// <summary>
/// Analysis and active learning as separate <c>autolab serve</c> processes on the real broker, with an orchestrator
/// run with <c>--services remote</c> that hosts neither: two analysis workers share the work on the one
/// <c>analysis</c> queue, and a worker killed with SIGKILL while it holds a message loses nothing, because the
/// broker gives the unacknowledged message to the other worker. Every child process is killed in Dispose.
/// </summary>
[Collection(SharedBrokerCollection.Name)]
public sealed class DistributedWorkersTests : IDisposable
{
    const int QuickstartBudget = 48;

    /// <summary>A worker is ready in 1–3 s here; generous for two busy shared cores.</summary>
    static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The quickstart takes about 6 s over RabbitMQ here.</summary>
    static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(50);

    readonly List<ServeProcess> _workers = [];

    public void Dispose()
    {
        foreach (ServeProcess worker in _workers)
        {
            worker.Dispose();
        }
    }

    [Fact]
    public async Task Two_analysis_workers_share_the_analyses_of_a_campaign_whose_orchestrator_hosts_no_services()
    {
        string uri = BrokerEnvironment.RequireUri();
        ServeProcess first = Serve(uri, "analysis");
        ServeProcess second = Serve(uri, "analysis");
        ServeProcess suggester = Serve(uri, "active-learning");
        await Task.WhenAll(first.WaitReadyAsync(), second.WaitReadyAsync(), suggester.WaitReadyAsync());
        RunFolderFiles run = RunFolderFiles.NewTemp("distributed-workers");

        AutoLabCommand.Result result = await AutoLabCommand.RunAsync(
            ["run", RepositoryPaths.Of("examples", "quickstart.yaml"), "--out", run.Root, "--transport", "rabbitmq", "--rabbitmq", uri, "--services", "remote"],
            RunTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("services: remote (analysis: 2 consumers, active-learning: 1 consumer)", result.Output, StringComparison.Ordinal);
        List<(string Kind, string Key, string? Experiment, string Payload)> journal = AssertCompletedOnce(run);
        Dictionary<string, int> analysesByWorker = CountByWorker(journal, "AnalysisCompleted");
        string shown = string.Join(", ", analysesByWorker.Select(w => $"{w.Key}: {w.Value}"));
        // Only the two workers: an analysis by any other process (the orchestrator) would name a third identity.
        Assert.True(analysesByWorker.Keys.Order().SequenceEqual(new[] { first.Identity, second.Identity }.Order()),
            $"analyses must come from both workers {first.Identity} and {second.Identity} and nobody else; got {shown}");
        Assert.Equal(QuickstartBudget, analysesByWorker.Values.Sum());
        Dictionary<string, int> suggestionsByWorker = CountByWorker(journal, "SuggestionsReceived");
        Assert.Equal([suggester.Identity], suggestionsByWorker.Keys);
    }

    [Fact]
    public async Task A_worker_killed_while_holding_an_analysis_loses_nothing_because_the_broker_redelivers_it()
    {
        string uri = BrokerEnvironment.RequireUri();
        ServeProcess doomed = Serve(uri, "analysis");
        ServeProcess suggester = Serve(uri, "active-learning");
        await Task.WhenAll(doomed.WaitReadyAsync(), suggester.WaitReadyAsync());
        // Frozen, the worker still holds its connection and consumer, so the broker hands it the next analysis
        // (its prefetch of one) and that message stays unacknowledged: a worker caught in the middle of its work.
        Signal("STOP", doomed.Id);
        RunFolderFiles run = RunFolderFiles.NewTemp("distributed-workers-kill");
        Task<AutoLabCommand.Result> campaign = AutoLabCommand.RunAsync(
            ["run", RepositoryPaths.Of("examples", "quickstart.yaml"), "--out", run.Root, "--transport", "rabbitmq", "--rabbitmq", uri, "--services", "remote"],
            RunTimeout);

        int held = await WaitForHeldAnalysesAsync(run, uri, campaign);
        ServeProcess survivor = Serve(uri, "analysis");
        await survivor.WaitReadyAsync();
        doomed.Kill();
        AutoLabCommand.Result result = await campaign;

        Assert.True(held >= 1, "the frozen worker must have held an analysis when it was killed");
        Assert.True(result.ExitCode == 0, result.ToString());
        List<(string Kind, string Key, string? Experiment, string Payload)> journal = AssertCompletedOnce(run);
        Dictionary<string, int> analysesByWorker = CountByWorker(journal, "AnalysisCompleted");
        Assert.Equal(new Dictionary<string, int> { [survivor.Identity] = QuickstartBudget }, analysesByWorker);
    }

    [Fact]
    public async Task The_service_queue_probe_counts_consumers_and_reads_a_queue_that_does_not_exist_as_none()
    {
        string uri = BrokerEnvironment.RequireUri();
        string watched = $"autolab-probe-test-{Guid.NewGuid():N}";
        string missing = $"autolab-probe-missing-{Guid.NewGuid():N}";
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using IConnection connection = await factory.CreateConnectionAsync("distributed-workers-probe-test");
        await using IChannel channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(watched, durable: false, exclusive: false, autoDelete: true);
        await channel.BasicConsumeAsync(watched, autoAck: true, new AsyncEventingBasicConsumer(channel));

        IReadOnlyDictionary<string, uint>? counts = await AutoLab.Orchestrator.Hosting.ServiceQueueProbe.CountConsumersAsync(
            new Uri(uri), [watched, missing], TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.NotNull(counts);
        Assert.Equal(1u, counts[watched]);
        Assert.Equal(0u, counts[missing]);
    }

    ServeProcess Serve(string uri, string service)
    {
        var worker = new ServeProcess(["serve", service, "--rabbitmq", uri, "--workers", "1"]);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>
    /// Waits until the campaign has measured experiments whose analyses are neither journaled nor ready on the
    /// queue: those the only consumer, the frozen worker, holds unacknowledged. Returns how many.
    /// </summary>
    static async Task<int> WaitForHeldAnalysesAsync(RunFolderFiles run, string uri, Task campaign)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using IConnection connection = await factory.CreateConnectionAsync("distributed-workers-test");
        await using IChannel channel = await connection.CreateChannelAsync();
        var waited = Stopwatch.StartNew();
        string seen = "nothing journaled yet";
        while (waited.Elapsed < ReadyTimeout && !campaign.IsCompleted)
        {
            await Task.Delay(200);
            if (!File.Exists(Path.Combine(run.Root, "journal.db")))
            {
                continue;
            }

            List<(string Kind, string Key, string? Experiment, string Payload)> journal = run.Journal();
            int measured = journal.Count(e => e.Kind == "MeasurementCompleted");
            int analyzed = journal.Count(e => e.Kind == "AnalysisCompleted");
            uint ready = (await channel.QueueDeclarePassiveAsync("analysis")).MessageCount;
            int held = measured - analyzed - (int)ready;
            string now = $"{measured} measured, {analyzed} analysed, {ready} ready on the queue";
            // The same counts on two polls in a row: a measurement journaled a moment before its analysis is sent
            // would otherwise look held. With the only worker frozen the campaign cannot move, so the counts settle.
            if (held >= 1 && now == seen)
            {
                return held;
            }

            seen = now;
        }

        Assert.Fail($"the frozen worker never held an analysis ({seen}); campaign finished: {campaign.IsCompleted}");
        return 0;
    }

    /// <summary>The campaign completed its whole budget, each experiment started and completed exactly once, no fault.</summary>
    static List<(string Kind, string Key, string? Experiment, string Payload)> AssertCompletedOnce(RunFolderFiles run)
    {
        JsonElement summary = run.Summary();
        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        Assert.Equal(QuickstartBudget, summary.GetProperty("experimentsCompleted").GetInt32());
        List<(string Kind, string Key, string? Experiment, string Payload)> journal = run.Journal();
        Assert.DoesNotContain(journal, e => e.Kind is "StepFaulted" or "ExperimentFaulted");
        List<string?> started = [.. journal.Where(e => e.Kind == "ExperimentStarted").Select(e => e.Experiment)];
        List<string?> analyzed = [.. journal.Where(e => e.Kind == "AnalysisCompleted").Select(e => e.Experiment)];
        List<string?> completed = [.. journal.Where(e => e.Kind == "ExperimentCompleted").Select(e => e.Experiment)];
        Assert.Equal(QuickstartBudget, started.Distinct().Count());
        Assert.Equal(started.Order(), analyzed.Order());
        Assert.Equal(started.Order(), completed.Order());
        return journal;
    }

    /// <summary>Journal entries of <paramref name="kind"/> by the worker their payload names ("(none)" when it names none).</summary>
    static Dictionary<string, int> CountByWorker(List<(string Kind, string Key, string? Experiment, string Payload)> journal, string kind) =>
        journal.Where(e => e.Kind == kind)
            .Select(e =>
            {
                using JsonDocument payload = JsonDocument.Parse(e.Payload);
                return payload.RootElement.TryGetProperty("worker", out JsonElement worker) && worker.ValueKind == JsonValueKind.String
                    ? worker.GetString()!
                    : "(none)";
            })
            .GroupBy(w => w)
            .ToDictionary(g => g.Key, g => g.Count());

    static void Signal(string signal, int processId)
    {
        using Process kill = Process.Start("kill", [$"-{signal}", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {processId} failed");
    }

    /// <summary>One <c>autolab serve</c> child process, its output collected; killed (with its children) on Dispose.</summary>
    sealed class ServeProcess : IDisposable
    {
        const string ReadyPrefix = "serving ";
        readonly Process _process;
        readonly StringBuilder _output = new();
        readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ServeProcess(IEnumerable<string> arguments)
        {
            _process = AutoLabCommand.Start(arguments);
            _process.OutputDataReceived += (_, e) => Collect(e.Data, isOutput: true);
            _process.ErrorDataReceived += (_, e) => Collect(e.Data, isOutput: false);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int Id => _process.Id;

        /// <summary>The "host/pid" the worker printed in its ready line, which it also puts into every result.</summary>
        public string Identity { get; private set; } = "";

        public async Task WaitReadyAsync()
        {
            Task exited = _process.WaitForExitAsync();
            Task finished = await Task.WhenAny(_ready.Task, exited, Task.Delay(ReadyTimeout));
            Assert.True(finished == _ready.Task, $"autolab serve was not ready in {ReadyTimeout.TotalSeconds:F0} s (exited: {_process.HasExited})\n{Output}");
            string line = await _ready.Task;
            // "serving analysis on amqp://user:***@host:5672/ with 1 worker as host/12345; Ctrl+C stops"
            int start = line.LastIndexOf(" as ", StringComparison.Ordinal) + 4;
            Identity = line[start..line.IndexOf(';', start)];
            Assert.Equal($"{Environment.MachineName}/{_process.Id}", Identity);
        }

        public void Kill()
        {
            _process.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs, the socket just closes
            _process.WaitForExit();
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    Kill();
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
        }

        string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        void Collect(string? line, bool isOutput)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (isOutput && line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
            {
                _ready.TrySetResult(line);
            }
        }
    }
}
