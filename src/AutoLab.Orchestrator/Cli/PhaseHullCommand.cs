using System.CommandLine;
using System.Globalization;
using AutoLab.Analysis.PhaseMapping;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.PhaseMaps;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// <c>autolab phase-hull DIR [--diagram Fe-Ni-Al] [--divisions 60] [--restarts 16] [--seed 1] [--out DIR]</c>: the phase
/// map of a phase-mapping run under thermodynamic constraints, written to <c>DIR/phase-hull/</c>.
/// </summary>
/// <remarks>
/// Fits the formation energies of the diagram's phases (their compositions only) to the run's presence calls
/// (<see cref="PhaseHullFit"/>) and writes the hull's phase fractions and phase set on a composition lattice. Works on a
/// finished, halted or running campaign: it reads the journal only.
/// </remarks>
public static class PhaseHullCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "Run folder of the phase-mapping campaign." };
        var diagram = new Option<string>("--diagram") { Description = $"Built-in diagram whose phases (compositions only) are fitted: {string.Join(", ", BuiltInPhaseDiagrams.Names)}.", DefaultValueFactory = _ => BuiltInPhaseDiagrams.FeNiAlName };
        var divisions = new Option<int>("--divisions") { Description = "Steps per edge of the composition lattice the map is written on.", DefaultValueFactory = _ => 60 };
        var restarts = new Option<int>("--restarts") { Description = "Random starts of the energy fit.", DefaultValueFactory = _ => new PhaseHullFitOptions().Restarts };
        var seed = new Option<long>("--seed") { Description = "Seed of the random starts.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo?>("--out") { Description = $"Folder to write into (default: the run folder's {PhaseHullMapWriter.FolderName}/)." };
        var command = new Command("phase-hull", "Fit the known phases' formation energies to a run's presence calls and write the phase map their convex hull gives.")
        {
            directory, diagram, divisions, restarts, seed, output,
        };
        command.SetAction((parse, ct) => CliAction.RunAsync(async () =>
        {
            int steps = parse.GetValue(divisions);
            int starts = parse.GetValue(restarts);
            if (steps < 2 || steps > 400 || starts < 1)
            {
                throw new CliError($"--divisions must lie in 2–400 and --restarts be at least 1; got {steps} and {starts}");
            }

            PhaseDiagram system;
            try
            {
                system = BuiltInPhaseDiagrams.Get(parse.GetRequiredValue(diagram));
            }
            catch (ArgumentException e)
            {
                throw new CliError($"--diagram: {e.Message}");
            }

            try
            {
                RunFolder folder = RunFolder.OpenForReading(parse.GetRequiredValue(directory).FullName);
                PhaseHullModel model = DiagramPhaseLibrary.Of(system);
                RunPhaseCalls calls = await RunPhaseCalls.LoadAsync(folder, model, [system.Elements[0], system.Elements[1]], ct);
                var options = new PhaseHullFitOptions { Restarts = starts };
                PhaseHullFit fit = PhaseHullFit.Fit(model, calls.Points, calls.Presence, options, parse.GetValue(seed));
                string written = parse.GetValue(output)?.FullName ?? Path.Combine(folder.Root, PhaseHullMapWriter.FolderName);
                int contradicted = await PhaseHullMapWriter.WriteAsync(fit, model, calls, system.Elements, steps, options.DetectionLevel, written, ct);
                Print(fit, model, calls, contradicted, written);
            }
            catch (Exception e) when (e is RunFolderException or JournalException or PhaseHullException)
            {
                throw new CliError(e.Message);
            }

            return 0;
        }));
        return command;
    }

    static void Print(PhaseHullFit fit, PhaseHullModel model, RunPhaseCalls calls, int contradicted, string written)
    {
        int total = calls.Points.Count * model.Phases.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{calls.Points.Count} experiments, {model.Phases.Count} phases: the fitted hull contradicts {contradicted} of {total} presence calls"));
        for (int k = 0; k < model.ParameterCount; k++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {model.ParameterNames[k]} = {fit.Parameters[k]:F3} eV/atom"));
        }

        Console.WriteLine($"wrote {written}");
    }
}
