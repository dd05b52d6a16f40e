using System.CommandLine;
using System.Globalization;
using AutoLab.Orchestrator.Demixing;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;

namespace AutoLab.Orchestrator.Cli;

/// <summary>
/// <c>autolab demix DIR [--key pattern] [--max-rank 8] [--restarts 4] [--seed 1] [--out DIR]</c>: NMF demixing of a
/// run's measured patterns (the library of a phase-mapping campaign), written to <c>DIR/demix/</c>.
/// </summary>
/// <remarks>Works on a finished, halted or running campaign: it reads the journal and the data files only.</remarks>
public static class DemixCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "Run folder of the campaign." };
        var key = new Option<string>("--key") { Description = "Data key of the patterns (the diffractometer's is pattern).", DefaultValueFactory = _ => "pattern" };
        var maxRank = new Option<int>("--max-rank") { Description = "Largest number of components NMFk tries.", DefaultValueFactory = _ => new DemixOptions().MaxRank };
        var restarts = new Option<int>("--restarts") { Description = "Random restarts per rank (at least 2).", DefaultValueFactory = _ => new DemixOptions().Restarts };
        var seed = new Option<long>("--seed") { Description = "Seed of the restarts.", DefaultValueFactory = _ => new DemixOptions().Seed };
        var output = new Option<DirectoryInfo?>("--out") { Description = $"Folder to write into (default: the run folder's {DemixWriter.FolderName}/)." };
        var command = new Command("demix", "Demix a run's measured patterns with NMF (rank chosen by NMFk); writes components, weights and a summary.")
        {
            directory, key, maxRank, restarts, seed, output,
        };
        command.SetAction((parse, ct) => CliAction.RunAsync(async () =>
        {
            int ranks = parse.GetValue(maxRank);
            int starts = parse.GetValue(restarts);
            if (ranks < 1 || starts < 2)
            {
                throw new CliError($"--max-rank must be at least 1 and --restarts at least 2; got {ranks} and {starts}");
            }

            try
            {
                RunFolder folder = RunFolder.OpenForReading(parse.GetRequiredValue(directory).FullName);
                string dataKey = parse.GetRequiredValue(key);
                IReadOnlyList<LibraryPattern> library = await RunLibrary.LoadAsync(folder, dataKey, ct);
                DemixResult result = LibraryDemixer.Demix(library, dataKey, new DemixOptions { MaxRank = ranks, Restarts = starts, Seed = parse.GetValue(seed) });
                string written = await DemixWriter.WriteAsync(result, parse.GetValue(output)?.FullName ?? Path.Combine(folder.Root, DemixWriter.FolderName), ct);
                Print(result, written);
            }
            catch (Exception e) when (e is RunFolderException or JournalException or DemixException)
            {
                throw new CliError(e.Message);
            }

            return 0;
        }));
        return command;
    }

    static void Print(DemixResult result, string written)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Library.Count} patterns ('{result.Key}'), {result.Library[0].Axis.Length} points: NMFk chose {result.SelectedRank} components (relative error {result.RelativeError:F3})"));
        foreach (DemixComponent component in result.Components)
        {
            string label = component.Label is null ? "follows no analysis output" : string.Create(CultureInfo.InvariantCulture, $"follows {component.Label} (r = {component.Correlation:F2})");
            Console.WriteLine($"  component {component.Index}: {label}");
        }

        Console.WriteLine($"wrote {written}");
    }
}
