using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs.Validation;

/// <summary>
/// Rules on a process instrument: the program can be started as <see cref="ProcessCommand"/> resolves it,
/// the working directory exists, capacity is positive, and the time limit fits inside the steps' timeouts.
/// </summary>
/// <remarks>
/// These look at the file system, so a spec valid on one machine may not be on another; that is the
/// point: <c>autolab validate</c> on the machine that will run the campaign catches a missing program
/// before the first experiment fails on it.
/// </remarks>
internal static class ProcessRules
{
    public static void Check(SpecRuleContext context, string path, InstrumentSpec instrument)
    {
        CheckCommand(context, SpecPath.Key(path, "command"), instrument.Command);
        CheckWorkingDirectory(context, SpecPath.Key(path, "working_directory"), instrument);
        foreach (string name in instrument.Environment.Keys.Where(n => n.Length == 0 || n.Contains('=', StringComparison.Ordinal)))
        {
            context.Report(SpecPath.Key(SpecPath.Key(path, "environment"), name), $"environment variable name '{name}' must not be empty or contain '='");
        }

        if (instrument.Capacity < 1)
        {
            context.Report(SpecPath.Key(path, "capacity"), $"capacity must be at least 1 run at a time, found {instrument.Capacity}");
        }

        CheckTimeout(context, SpecPath.Key(path, "timeout"), instrument);
    }

    private static void CheckCommand(SpecRuleContext context, string path, IReadOnlyList<string> command)
    {
        string programPath = SpecPath.Index(path, 0);
        if (!context.IsSound(path) || !context.IsSound(programPath))
        {
            return;
        }

        if (command.Count == 0)
        {
            context.Report(path, "a process instrument needs a command: the program and its arguments, e.g. [/usr/bin/python3, sim.py]");
        }
        else if (string.IsNullOrWhiteSpace(command[0]))
        {
            context.Report(programPath, "the program to run must not be empty");
        }
        else if (!ProcessCommand.TryFindExecutable(command[0], ProcessCommand.FolderOf(context.Spec), out _, out string problem))
        {
            context.Report(programPath, problem);
        }
    }

    private static void CheckWorkingDirectory(SpecRuleContext context, string path, InstrumentSpec instrument)
    {
        if (!context.IsSound(path))
        {
            return;
        }

        string directory = ProcessCommand.WorkingDirectoryOf(context.Spec, instrument);
        if (!Directory.Exists(directory))
        {
            string which = instrument.WorkingDirectory is null ? "the spec's folder, the default working directory," : "working directory";
            context.Report(path, $"{which} '{directory}' does not exist");
        }
    }

    private static void CheckTimeout(SpecRuleContext context, string path, InstrumentSpec instrument)
    {
        if (instrument.Timeout is not { } timeout)
        {
            return;
        }

        if (timeout <= TimeSpan.Zero)
        {
            context.Report(path, $"timeout must be a positive duration, found {SpecRuleContext.Number(timeout.TotalSeconds)}s");
            return;
        }

        foreach ((string stepPath, StepPlan step) in ProcessCommand.StepsUsing(context.Spec, instrument.Name))
        {
            if (timeout.TotalSeconds > step.TimeoutSeconds && context.IsSound(SpecPath.Key(stepPath, "timeout")))
            {
                // The step would give up and retry while the process still runs and holds its lease.
                context.Report(path, $"timeout {SpecRuleContext.Number(timeout.TotalSeconds)}s is longer than {stepPath}.timeout ({SpecRuleContext.Number(step.TimeoutSeconds)}s), so the step would give up while the process still runs; lower this or raise the step's timeout");
            }
        }
    }
}
