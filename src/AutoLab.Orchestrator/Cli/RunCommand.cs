using System.CommandLine;
using System.Globalization;
using AutoLab.Orchestrator.Hosting;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Cli;

/// <summary><c>autolab run FILE [--out DIR] [--transport inmemory|rabbitmq] [--rabbitmq URI] [--services local|remote]</c>.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Campaign spec (YAML)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Run folder to create (default: runs/<name>-<UTC time>)." };
        Option<string> transport = CliOptions.Transport();
        Option<string?> rabbitMq = CliOptions.RabbitMq();
        Option<string> services = CliOptions.Services();
        var command = new Command("run", "Run a campaign to the end; Ctrl+C halts it gracefully (resumable).") { file, output, transport, rabbitMq, services };
        command.SetAction((parse, ct) => CliAction.RunAsync(() =>
        {
            BusOptions bus = CliOptions.ToBusOptions(parse.GetRequiredValue(transport), parse.GetValue(rabbitMq));
            return RunAsync(parse.GetRequiredValue(file), parse.GetValue(output), bus, CliOptions.HostsServices(parse.GetRequiredValue(services), bus), ct);
        }));
        return command;
    }

    static async Task<int> RunAsync(FileInfo file, DirectoryInfo? output, BusOptions bus, bool hostServices, CancellationToken ct)
    {
        SpecLoadResult spec = LocalSetup.LoadSpec(file.FullName);
        if (!spec.IsValid)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, SpecErrorFormatter.FormatAll(spec)));
            return CliError.BadInput;
        }

        await CampaignSession.EnsureBrokerAsync(bus, ct);
        string path = output?.FullName ?? Path.Combine("runs", $"{spec.Plan.Name}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        RunFolder folder;
        try
        {
            folder = RunFolder.Create(path);
        }
        catch (RunFolderException e)
        {
            throw new CliError(e.Message);
        }

        SpecCopy.Save(file.FullName, folder);
        var start = CampaignSession.NewStart(spec.Plan, folder);
        var session = new CampaignSession(folder, bus, spec.Spec, spec.Schedule, hostServices: hostServices);
        return await session.RunAsync(start, start.CampaignId, alreadyFinished: 0, ct);
    }
}
