using System.CommandLine;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Hosting;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Cli;

/// <summary><c>autolab resume DIR</c>: continue a campaign from its journal after a crash, halt or pause.</summary>
public static class ResumeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "Run folder of the campaign." };
        Option<string> transport = CliOptions.Transport();
        Option<string?> rabbitMq = CliOptions.RabbitMq();
        Option<string> services = CliOptions.Services();
        var command = new Command("resume", "Resume a campaign from its run folder's journal.") { directory, transport, rabbitMq, services };
        command.SetAction((parse, ct) => CliAction.RunAsync(() =>
        {
            BusOptions bus = CliOptions.ToBusOptions(parse.GetRequiredValue(transport), parse.GetValue(rabbitMq));
            return ResumeAsync(parse.GetRequiredValue(directory), bus, CliOptions.HostsServices(parse.GetRequiredValue(services), bus), ct);
        }));
        return command;
    }

    static async Task<int> ResumeAsync(DirectoryInfo directory, BusOptions bus, bool hostServices, CancellationToken ct)
    {
        await CampaignSession.EnsureBrokerAsync(bus, ct);
        RunFolder folder;
        CampaignReplayResult replay;
        try
        {
            folder = RunFolder.OpenForResume(directory.FullName);
            replay = await LocalSetup.ReplayAsync(folder, ct);
        }
        catch (Exception e) when (e is RunFolderException or JournalException)
        {
            throw new CliError(e.Message);
        }

        if (replay.Recovery is not { } recovery)
        {
            await RunFolderExporter.ExportAsync(folder, TimeProvider.System, ct);
            Console.WriteLine(replay.Message);
            return 0;
        }

        // The spec copy tells which local instruments (process adapters, simulators) to host again.
        SpecLoadResult? spec = SpecCopy.Load(folder);
        Console.WriteLine($"resuming '{replay.CampaignName}': {recovery.Observations.Count} finished, {recovery.InFlight.Count} in flight, budget {recovery.Plan.Budget}");
        var session = new CampaignSession(folder, bus, spec?.Spec, spec?.Schedule, hostServices: hostServices);
        RecoverCampaign message = recovery with { IdempotencyKey = Guid.NewGuid().ToString("N"), Timestamp = DateTimeOffset.UtcNow, Paused = false };
        return await session.RunAsync(message, recovery.CampaignId, recovery.Observations.Count, ct);
    }
}
