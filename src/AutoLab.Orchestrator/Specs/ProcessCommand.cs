using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Adapters.Process;

namespace AutoLab.Orchestrator.Specs;

/// <summary>Resolves a process instrument's program, working directory and timeout the way <c>autolab run</c> starts it.</summary>
/// <remarks>
/// The validator and the host registration both go through here, so a command that validates is the
/// command that runs. The program follows the shell's rule: a path with a directory part (<c>./sim</c>,
/// <c>bin/sim</c>) is relative to the spec's folder, a bare name (<c>python3</c>) is looked up on PATH.
/// Arguments are passed as written; the process runs in its working directory, which defaults to the
/// spec's folder, so relative paths in arguments are relative to the spec as well.
/// </remarks>
/// <seealso cref="InstrumentSpec"/>
public static class ProcessCommand
{
    /// <summary>The absolute folder relative paths are resolved against: <see cref="CampaignSpec.BaseDirectory"/>, or the current directory when it is empty.</summary>
    /// <param name="spec">The spec.</param>
    public static string FolderOf(CampaignSpec spec) =>
        spec.BaseDirectory.Length == 0 ? Directory.GetCurrentDirectory() : Path.GetFullPath(spec.BaseDirectory);

    /// <summary>The absolute working directory of the instrument's process: <c>working_directory</c> resolved against the spec's folder, or the folder itself.</summary>
    /// <param name="spec">The spec that declares the instrument.</param>
    /// <param name="instrument">The instrument.</param>
    public static string WorkingDirectoryOf(CampaignSpec spec, InstrumentSpec instrument) =>
        Path.GetFullPath(Path.Combine(FolderOf(spec), instrument.WorkingDirectory ?? "."));

    /// <summary>
    /// The process's time limit: <c>timeout</c> when written, else the shortest timeout of the steps that
    /// use the instrument (a run past it would be abandoned by the step anyway), else
    /// <see cref="ProcessInstrumentOptions.DefaultTimeout"/>.
    /// </summary>
    /// <param name="spec">The spec that declares the instrument.</param>
    /// <param name="instrument">The instrument.</param>
    public static TimeSpan TimeoutOf(CampaignSpec spec, InstrumentSpec instrument) =>
        instrument.Timeout ?? ShortestStepTimeout(spec, instrument.Name) ?? ProcessInstrumentOptions.DefaultTimeout;

    /// <summary>Finds the program to run, looking on the PATH of this process for a bare name.</summary>
    /// <param name="program">The first item of the command.</param>
    /// <param name="folder">The spec's folder (<see cref="FolderOf"/>).</param>
    /// <param name="path">The absolute path of the executable, when found.</param>
    /// <param name="problem">When not found: what was tried and what to do, for an error message.</param>
    /// <returns>True when an executable file was found.</returns>
    public static bool TryFindExecutable(string program, string folder, out string path, out string problem) =>
        TryFindExecutable(program, folder, Environment.GetEnvironmentVariable("PATH") ?? "", out path, out problem);

    /// <summary>As <see cref="TryFindExecutable(string, string, out string, out string)"/>, with the PATH given (for tests).</summary>
    internal static bool TryFindExecutable(string program, string folder, string searchPath, out string path, out string problem)
    {
        path = "";
        problem = "";
        if (Path.IsPathFullyQualified(program) || HasDirectoryPart(program))
        {
            string candidate = Path.GetFullPath(Path.Combine(folder, program));
            problem = ProblemWith(candidate, program);
            path = problem.Length == 0 ? candidate : "";
            return problem.Length == 0;
        }

        string[] folders = [.. searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
        foreach (string candidate in folders.SelectMany(f => Names(program).Select(n => Path.Combine(f, n))))
        {
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                path = Path.GetFullPath(candidate);
                return true;
            }
        }

        string searched = folders.Length == 0 ? "PATH is empty" : $"searched PATH: {string.Join(", ", folders)}";
        string local = Path.Combine(folder, program);
        string hint = File.Exists(local) ? $"; the spec's folder has '{local}': write './{program}' to run that one" : "; give an absolute path or a path relative to the spec's folder";
        problem = $"program '{program}' was not found ({searched}){hint}";
        return false;
    }

    /// <summary>The steps (prepare, measure) that name <paramref name="instrument"/>, with their paths in the spec.</summary>
    internal static IEnumerable<(string Path, StepPlan Step)> StepsUsing(CampaignSpec spec, string instrument)
    {
        (string, StepPlan?)[] steps = [("steps.prepare", spec.Steps.Prepare), ("steps.measure", spec.Steps.Measure)];
        foreach ((string path, StepPlan? step) in steps)
        {
            if (step is not null && step.Instrument == instrument)
            {
                yield return (path, step);
            }
        }
    }

    /// <summary>The shortest usable timeout of the steps that name <paramref name="instrument"/>, or null when none does.</summary>
    private static TimeSpan? ShortestStepTimeout(CampaignSpec spec, string instrument)
    {
        // An invalid step timeout is the step rules' to report; here it only means "no usable default".
        double[] seconds = [.. StepsUsing(spec, instrument).Select(s => s.Step.TimeoutSeconds).Where(t => t > 0 && t < TimeSpan.MaxValue.TotalSeconds / 2)];
        return seconds.Length == 0 ? null : TimeSpan.FromSeconds(seconds.Min());
    }

    private static bool HasDirectoryPart(string program) =>
        program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || program.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal);

    private static string ProblemWith(string candidate, string program)
    {
        if (Directory.Exists(candidate))
        {
            return $"program '{program}' is a directory ({candidate}); name the executable file in it";
        }

        if (!File.Exists(candidate))
        {
            return $"program '{program}' not found: tried {candidate}";
        }

        return IsExecutable(candidate)
            ? ""
            : $"'{candidate}' is not executable; mark it executable (chmod +x) or run it through its interpreter, e.g. [/usr/bin/python3, {program}]";
    }

    /// <summary>On Windows a bare name also matches with each PATHEXT extension, as cmd.exe looks it up.</summary>
    private static IEnumerable<string> Names(string program)
    {
        yield return program;
        if (OperatingSystem.IsWindows() && !Path.HasExtension(program))
        {
            foreach (string extension in (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return program + extension;
            }
        }
    }

    private static bool IsExecutable(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & anyExecute) != 0;
    }
}
