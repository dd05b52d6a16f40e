using AutoLab.Contracts.Orchestration;
using AutoLab.Instruments.Adapters.Process;
using AutoLab.Instruments.Hosting;
using AutoLab.Orchestrator.Specs;

namespace AutoLab.Orchestrator.Cli;

/// <summary>Turns the process instruments a spec declares into registrations for this process's instrument host.</summary>
/// <remarks>
/// External instruments are not registered: a foreign adapter consumes their queue, and a consumer
/// here would compete with it for the commands. Paths resolve through <see cref="ProcessCommand"/>, as
/// the validator resolved them.
/// </remarks>
public static class SpecInstruments
{
    /// <summary>Registers each <see cref="InstrumentType.Process"/> instrument of <paramref name="spec"/>.</summary>
    /// <param name="registry">The host's registry.</param>
    /// <param name="spec">A valid spec.</param>
    /// <exception cref="ArgumentException">An instrument's program cannot be found (any more), or its declaration is invalid.</exception>
    /// <exception cref="InvalidOperationException">An instrument of that name is already registered.</exception>
    public static void Register(InstrumentRegistry registry, CampaignSpec spec)
    {
        foreach (var instrument in spec.Instruments.Where(i => i.Type == InstrumentType.Process))
        {
            registry.AddProcessInstrument(instrument.Name, Options(spec, instrument), Capabilities(instrument.Steps), instrument.Capacity, instrument.Envelope);
        }
    }

    /// <summary>The process adapter's options: the program found, arguments as written, working directory, environment and time limit.</summary>
    /// <param name="spec">The spec that declares the instrument (for its folder and step timeouts).</param>
    /// <param name="instrument">A process instrument.</param>
    /// <returns>New options.</returns>
    /// <exception cref="ArgumentException">The command is empty or its program cannot be found.</exception>
    public static ProcessInstrumentOptions Options(CampaignSpec spec, InstrumentSpec instrument)
    {
        if (instrument.Command.Count == 0)
        {
            throw new ArgumentException($"process instrument '{instrument.Name}' has no command", nameof(instrument));
        }

        if (!ProcessCommand.TryFindExecutable(instrument.Command[0], ProcessCommand.FolderOf(spec), out string executable, out string problem))
        {
            throw new ArgumentException($"process instrument '{instrument.Name}': {problem}", nameof(instrument));
        }

        var options = new ProcessInstrumentOptions
        {
            Executable = executable,
            WorkingDirectory = ProcessCommand.WorkingDirectoryOf(spec, instrument),
            Timeout = ProcessCommand.TimeoutOf(spec, instrument),
        };
        foreach (var argument in instrument.Command.Skip(1))
        {
            options.Arguments.Add(argument);
        }

        foreach (var (name, value) in instrument.Environment)
        {
            options.Environment[name] = value;
        }

        return options;
    }

    /// <summary>The host's flags for the steps an instrument declares.</summary>
    /// <param name="steps">Prepare and/or measure.</param>
    /// <returns>The flags; <see cref="InstrumentCapabilities.None"/> for no steps.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A step no instrument serves (analyze).</exception>
    public static InstrumentCapabilities Capabilities(IEnumerable<ExperimentStep> steps) =>
        steps.Aggregate(InstrumentCapabilities.None, (flags, step) => flags | step switch
        {
            ExperimentStep.Prepare => InstrumentCapabilities.Prepare,
            ExperimentStep.Measure => InstrumentCapabilities.Measure,
            _ => throw new ArgumentOutOfRangeException(nameof(steps), step, "instruments serve prepare and measure only"),
        });
}
