using System.CommandLine;

namespace AutoLab.Orchestrator.Cli;

/// <summary>The <c>autolab</c> command line: one sub-command per file in this folder.</summary>
public static class AutoLabCli
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("AutoLab: a self-driving laboratory orchestration engine.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ResumeCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(PendingCommand.Create());
        root.Subcommands.Add(ApproveCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(DemixCommand.Create());
        root.Subcommands.Add(PhaseHullCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        return root;
    }
}
