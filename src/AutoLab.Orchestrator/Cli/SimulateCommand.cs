using System.CommandLine;

namespace AutoLab.Orchestrator.Cli;

/// <summary><c>autolab simulate ...</c>: write what a simulator produces, to inspect it or make datasets.</summary>
public static class SimulateCommand
{
    /// <summary>Builds the command with one sub-command per simulator.</summary>
    public static Command Create()
    {
        var simulate = new Command("simulate", "Run a simulator once and write its output (CSV or JSON).");
        simulate.Subcommands.Add(SimulateXrdCommand.Create());
        simulate.Subcommands.Add(SimulateSaxsCommand.Create());
        simulate.Subcommands.Add(SimulateRingCommand.Create());
        return simulate;
    }
}
