using System.Diagnostics;
using System.Globalization;
using AutoLab.ActiveLearning.Consumers;
using AutoLab.Analysis.Consumers;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Definitions;
using AutoLab.Orchestrator.Hosting;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Scheduling;
using AutoLab.Orchestrator.Specs;
using AutoLab.Orchestrator.Watch;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// One run of the orchestrator process for a campaign: start the host, send the start (or recovery)
/// command, show progress until the campaign ends, stop, and export the run folder.
/// </summary>
/// <remarks>
/// With <c>hostServices</c> false (<c>--services remote</c>) this process hosts no analysis or active-learning
/// consumer: <c>autolab serve</c> workers on the same broker answer instead, and a missing one is named at start-up.
/// </remarks>
public sealed class CampaignSession(RunFolder folder, BusOptions bus, CampaignSpec? spec, ScheduleSpec? schedule, bool quiet = false, bool hostServices = true)
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs the campaign to its end (or a halt) and returns the process exit code.</summary>
    public async Task<int> RunAsync(object startMessage, Guid campaignId, int alreadyFinished, CancellationToken ct)
    {
        var hostTime = Stopwatch.StartNew();
        CampaignEnded ended = await RunToEndAsync(startMessage, campaignId, alreadyFinished, ct);
        hostTime.Stop();
        CampaignSummary summary = await RunFolderExporter.ExportAsync(folder, TimeProvider.System, CancellationToken.None);
        Console.WriteLine($"{ended.Outcome}: {ended.Reason}");
        Console.WriteLine($"{ended.Completed} completed, {ended.Faulted} faulted; results in {folder.Root}");
        if (summary.Best is { } best)
        {
            Console.WriteLine($"best: {CampaignSummaryWriter.DescribeBest(best)}");
        }

        if (summary.BeamTime is { Seconds: > 0 } beamTime)
        {
            // Beam time is the campaign's total (earlier runs included); host time is this process's run.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"beam time: {CampaignSummaryWriter.DescribeBeamTime(beamTime)}; this run took {hostTime.Elapsed.TotalSeconds:F1} s of host time"));
        }

        return ended.Outcome is CampaignOutcome.Completed or CampaignOutcome.Halted ? 0 : 1;
    }

    /// <summary>Starts the host, drives the campaign to <see cref="CampaignEnded"/>, stops the host.</summary>
    /// <param name="startMessage">A <see cref="StartCampaign"/> or <see cref="RecoverCampaign"/>.</param>
    /// <param name="campaignId">The campaign's id.</param>
    /// <param name="alreadyFinished">Experiments finished before this run (for progress).</param>
    /// <param name="ct">Cancels start-up.</param>
    /// <param name="timing">When given, restarted as the start message is published and stopped when the campaign ends (host start and stop excluded).</param>
    public async Task<CampaignEnded> RunToEndAsync(object startMessage, Guid campaignId, int alreadyFinished, CancellationToken ct, Stopwatch? timing = null)
    {
        await EnsureBrokerAsync(bus, ct);
        if (!hostServices && bus.RabbitMqUri is { } uri)
        {
            await ReportWorkersAsync(uri, ct);
        }

        IHost host = AutoLabHost.Build(new AutoLabHostOptions
        {
            HostServices = hostServices,
            // Scoped by the campaign: on a shared broker this process gets saga and instrument queues of
            // its own, the same ones again when the run folder is resumed (see BusScope).
            Bus = bus with { Scope = campaignId },
            JournalPath = folder.JournalPath,
            Instruments = registry => LocalSetup.RegisterInstruments(registry, spec),
        });
        using (var startCancel = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            startCancel.CancelAfter(StartTimeout);
            await host.StartAsync(startCancel.Token);
        }

        try
        {
            IBus bus1 = host.Services.GetRequiredService<IBus>();
            CampaignWatch watch = host.Services.GetRequiredService<CampaignWatch>();
            Task<CampaignEnded> end = watch.EndOf(campaignId);
            await CampaignPolicies.ScheduleAsync(host.Services, campaignId, schedule, startMessage, ct);
            timing?.Restart();
            if (schedule?.StartAt is null || startMessage is not StartCampaign)
            {
                await DeliverStartAsync(host.Services, bus1, startMessage, ct);
            }

            var halt = new HaltOnCancel(bus1, campaignId);
            ConsoleCancelEventHandler onCancel = (_, e) => e.Cancel = halt.Request();
            Console.CancelKeyPress += onCancel;
            try
            {
                CampaignEnded ended = quiet ? await end : await ShowProgressAsync(end, watch, alreadyFinished, Budget(startMessage));
                timing?.Stop();
                return ended;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }
        finally
        {
            await StopAsync(host);
        }
    }

    /// <summary>
    /// Sends the start (or recovery) message to this process's own campaign queue when the bus is scoped:
    /// published, it would reach every orchestrator's campaign saga on the broker. Unscoped (in memory),
    /// it is published as before.
    /// </summary>
    static async Task DeliverStartAsync(IServiceProvider services, IBus bus, object startMessage, CancellationToken ct)
    {
        BusScope scope = services.GetRequiredService<BusScope>();
        if (scope.Name is null)
        {
            await bus.Publish(startMessage, startMessage.GetType(), ct);
            return;
        }

        ISendEndpoint endpoint = await bus.GetSendEndpoint(scope.Address(CampaignStateMachineDefinition.QueueName));
        await endpoint.Send(startMessage, startMessage.GetType(), ct);
    }

    /// <summary>
    /// Stops and disposes the host, but never waits forever: an instrument that hangs (a simulated
    /// timeout fault, a stuck device) can keep MassTransit's endpoint from completing. Everything
    /// that matters is already in the journal, so the process may leave without it.
    /// </summary>
    static async Task StopAsync(IHost host)
    {
        try
        {
            await host.StopAsync(CancellationToken.None).WaitAsync(StopTimeout);
            await ((IAsyncDisposable)host).DisposeAsync().AsTask().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            await Console.Error.WriteLineAsync($"warning: the bus did not stop within {StopTimeout.TotalSeconds:F0} s (an instrument is still busy); the journal is complete, exiting anyway");
        }
    }

    /// <summary>
    /// For <c>--services remote</c>: prints how many workers serve the analysis and active-learning queues, and a
    /// warning naming the <c>autolab serve</c> command to start for a queue that has none, since without one every
    /// analyze step ends only at its time limit and a suggestion request waits until a worker starts.
    /// </summary>
    static async Task ReportWorkersAsync(Uri uri, CancellationToken ct)
    {
        string[] queues = [AnalysisEndpoints.QueueName, ActiveLearningEndpoints.QueueName];
        IReadOnlyDictionary<string, uint>? counts = await ServiceQueueProbe.CountConsumersAsync(uri, queues, TimeSpan.FromSeconds(5), ct);
        if (counts is null)
        {
            return;
        }

        Console.WriteLine("services: remote (" + string.Join(", ", queues.Select(q => $"{q}: {counts[q]} consumer{(counts[q] == 1 ? "" : "s")}")) + ")");
        foreach (string queue in queues.Where(q => counts[q] == 0))
        {
            string waits = queue == AnalysisEndpoints.QueueName
                ? "analyze steps will wait and time out (steps.analyze.timeout)"
                : "the campaign waits for suggestions until one starts (the request stays on the queue)";
            await Console.Error.WriteLineAsync(
                $"warning: no consumer on the '{queue}' queue of {BusOptions.Redact(uri.ToString())}; start `autolab serve {queue} --rabbitmq URI`, or {waits}");
        }
    }

    /// <summary>The command that starts a new campaign of <paramref name="plan"/> in <paramref name="folder"/>: a new campaign id and key, now.</summary>
    /// <param name="plan">The compiled spec.</param>
    /// <param name="folder">The campaign's run folder (its data directory holds the experiments' files).</param>
    /// <returns>The start command.</returns>
    public static StartCampaign NewStart(CampaignPlan plan, RunFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return new StartCampaign
        {
            CampaignId = Guid.NewGuid(),
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Timestamp = DateTimeOffset.UtcNow,
            Plan = plan,
            DataDirectory = folder.DataDirectory,
        };
    }

    /// <summary>Fails with a clear <see cref="CliError"/> when the bus is RabbitMQ and the broker does not answer.</summary>
    public static async Task EnsureBrokerAsync(BusOptions bus, CancellationToken ct)
    {
        if (bus.Transport == TransportKind.RabbitMq && await BrokerProbe.CheckAsync(bus.RabbitMqUri!, TimeSpan.FromSeconds(5), ct) is { } problem)
        {
            throw new CliError(problem, CliError.Unavailable);
        }
    }

    static int Budget(object startMessage) => startMessage switch
    {
        StartCampaign s => s.Plan.Budget,
        RecoverCampaign r => r.Plan.Budget,
        _ => 0,
    };

    static async Task<CampaignEnded> ShowProgressAsync(Task<CampaignEnded> end, CampaignWatch watch, int alreadyFinished, int budget)
    {
        if (Console.IsOutputRedirected)
        {
            return await end;
        }

        CampaignEnded? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask task = context.AddTask("experiments", maxValue: Math.Max(1, budget));
                while (!end.IsCompleted)
                {
                    await Task.WhenAny(end, Task.Delay(100));
                    task.Value = alreadyFinished + watch.Completed + watch.Faulted;
                    task.Description = watch.Faulted == 0 ? "experiments" : $"experiments ({watch.Faulted} faulted)";
                }

                result = await end;
                task.Value = alreadyFinished + watch.Completed + watch.Faulted;
                task.StopTask();
            });
        return result!;
    }
}
