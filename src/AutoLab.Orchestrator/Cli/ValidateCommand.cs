using System.CommandLine;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Cli;

/// <summary><c>autolab validate FILE</c>: report every error in a campaign spec with its line and field.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Campaign spec (YAML)." };
        var command = new Command("validate", "Check a campaign spec; print every error as FILE:LINE:COLUMN: field: message.") { file };
        command.SetAction(parse => CliAction.RunAsync(async () =>
        {
            SpecLoadResult result = LocalSetup.LoadSpec(parse.GetRequiredValue(file).FullName);
            if (!result.IsValid)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, SpecErrorFormatter.FormatAll(result)));
                await Console.Error.WriteLineAsync($"{result.Errors.Count} error(s)");
                return CliError.BadInput;
            }

            Console.WriteLine($"{result.SourceName}: valid — '{result.Plan.Name}', {result.Plan.Space.Count} parameters, " +
                              $"{result.Plan.Objectives.Count} objective(s), strategy {result.Plan.Strategy.Name}, " +
                              $"budget {result.Plan.Budget}, batch {result.Plan.BatchSize}");
            return 0;
        }));
        return command;
    }
}
