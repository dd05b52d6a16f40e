using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Torch;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>The phase identifier the phase-mapping benchmark uses: one per process and mode, shared by every seed.</summary>
/// <remarks>
/// Full: the registry model "xrd-fe-ni-al" when <c>$AUTOLAB_MODELS</c> holds one; otherwise the six Fe–Ni–Al
/// phases with the registry recipe's architecture and grid but 3,000 training patterns, 2 members and 8 epochs
/// (instead of 8,000, 3 and 12), so a benchmark run trains in minutes. Quick: the registry's quick recipe
/// (<see cref="XrdPhaseBuiltIn.QuickOptions"/>: 900 patterns on a coarse 0.125° grid, two small members).
/// The seeds vary the campaigns (strategy, scatter, counting noise), not the identifier.
/// </remarks>
public static class PhaseMapBenchModel
{
    /// <summary>Seed of the identifier's training set and weights.</summary>
    public const int TrainingSeed = 1;

    private static readonly Lazy<(PhaseIdentifier Identifier, string Source)> Quick = new(() => (Train(XrdPhaseBuiltIn.QuickOptions), "quick"));
    private static readonly Lazy<(PhaseIdentifier Identifier, string Source)> Full = new(LoadOrTrainFull);

    /// <summary>The options of the full model when no registry model exists.</summary>
    public static PhaseIdentifierOptions FullOptions { get; } = new()
    {
        TrainingPatterns = 3_000,
        ValidationPatterns = 600,
        EnsembleSize = 2,
        Epochs = 8,
    };

    /// <summary>The identifier for a mode (trained on first use, then shared; owned by this class).</summary>
    /// <param name="quick">The quick model.</param>
    /// <returns>The identifier and where it came from: "quick", "trained" or "registry".</returns>
    public static (PhaseIdentifier Identifier, string Source) Get(bool quick) => quick ? Quick.Value : Full.Value;

    private static PhaseIdentifier Train(PhaseIdentifierOptions options)
    {
        // One libtorch thread: on a loaded two-core machine it is the fastest setting for these small networks.
        TorchRuntime.SetThreads(1);
        return PhaseIdentifier.Train(XrdTrainingSetGenerator.FeNiAlPhases(), options with { Threads = 1 }, TrainingSeed);
    }

    private static (PhaseIdentifier, string) LoadOrTrainFull()
    {
        IReadOnlyList<DiagramPhase> phases = XrdTrainingSetGenerator.FeNiAlPhases();
        if (Environment.GetEnvironmentVariable(ModelRegistry.EnvironmentVariable) is { Length: > 0 })
        {
            string folder = new ModelRegistry(ModelRegistry.DefaultPath()).FolderOf(XrdPhaseBuiltIn.ModelName);
            if (File.Exists(Path.Combine(folder, PhaseIdentifier.ManifestFile)))
            {
                TorchRuntime.SetThreads(1);
                PhaseIdentifier loaded = PhaseIdentifier.Load(folder);
                if (loaded.PhaseNames.SequenceEqual(phases.Select(p => p.Name), StringComparer.Ordinal))
                {
                    return (loaded, "registry");
                }

                loaded.Dispose();
            }
        }

        return (Train(FullOptions), "trained");
    }
}
