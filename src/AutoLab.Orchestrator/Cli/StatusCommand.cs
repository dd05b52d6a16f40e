using System.CommandLine;
using AutoLab.Orchestrator.RunFolders;

namespace AutoLab.Orchestrator.Cli;

/// <summary><c>autolab status DIR [--json]</c>: what a run folder's journal says, live or after a crash.</summary>
public static class StatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "Run folder of the campaign." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var command = new Command("status", "Show a campaign's status from its journal.") { directory, json };
        command.SetAction((parse, ct) => CliAction.RunAsync(async () =>
        {
            CampaignStatusReport report;
            try
            {
                report = await CampaignStatusReader.ReadAsync(parse.GetRequiredValue(directory).FullName, ct: ct);
            }
            catch (Exception e) when (e is RunFolderException or Journal.JournalException)
            {
                throw new CliError(e.Message);
            }

            Console.WriteLine(parse.GetValue(json) ? CampaignSummaryWriter.Format(report.Summary) : report.ToString());
            return 0;
        }));
        return command;
    }
}
