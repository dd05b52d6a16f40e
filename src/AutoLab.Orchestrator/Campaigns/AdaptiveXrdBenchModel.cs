using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Registry;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>The phase identifier an <see cref="AdaptiveXrdBenchmark"/> run uses, with its phases and where it came from.</summary>
/// <remarks>
/// Quick: two ordered/disordered pairs, α-Fe (bcc) / NiAl (B2) and Ni (fcc) / Ni₃Al (L1₂), whose fundamental
/// lines nearly coincide (the ±1.5 % strain augmentation hides the lattice-parameter differences), so the
/// superlattice lines decide: the case adaptive re-measurement is for. A 480-point grid and two small members
/// trained in seconds. Full: the
/// registry model "xrd-fe-ni-al" when <c>$AUTOLAB_MODELS</c> holds one trained with windows; otherwise the six Fe–Ni–Al phases with
/// the evaluation's architecture and grid but 3,000 training patterns, 2 members and 8 epochs (instead of
/// 8,000, 3 and 12) so a benchmark run trains in a few minutes. Both trained models see count times down to
/// 2 µs per point, so the fast scans the benchmark uses are inside their training range, and both are trained
/// on merged measurements (<see cref="TrainingWindows"/>).
/// </remarks>
/// <param name="Identifier">The identifier (owned: dispose it).</param>
/// <param name="Phases">Its phases, in its output order.</param>
/// <param name="Source">"quick", "trained" or "registry".</param>
public sealed record AdaptiveXrdBenchModel(PhaseIdentifier Identifier, IReadOnlyList<DiagramPhase> Phases, string Source) : IDisposable
{
    /// <summary>Shortest per-point count time the benchmark's own models are trained on (s).</summary>
    public const double MinimumTrainingCountTime = XrdPhaseBuiltIn.AdaptiveMinimumCountTime;

    /// <summary>
    /// The merged-measurement augmentation both of the benchmark's own models are trained with
    /// (<see cref="XrdPhaseBuiltIn.AdaptiveWindows"/>, which the registry's adaptive model shares), so the identifier
    /// has seen patterns shaped like the benchmark policy's windows (<see cref="AdaptiveXrdBenchmark.Policy"/> takes the
    /// segment width from here). Measured 2026-11-22: segments raised the full median ratio from 1.08 to 1.48; the
    /// quick one stayed at 1.16 (spans: 1.17) and swings with the training noise alone (docs/benchmarks.md).
    /// </summary>
    public static XrdWindowOptions TrainingWindows => XrdPhaseBuiltIn.AdaptiveWindows;

    /// <summary>The options of the quick model.</summary>
    public static PhaseIdentifierOptions QuickOptions { get; } = new()
    {
        // Broad lines suit the coarse 0.125° grid; one libtorch thread is fastest on a loaded two-core machine.
        Data = new XrdTrainingSetOptions
        {
            Grid = new XrdPatternGrid(20.0, 80.0, 480),
            PhaseCountProportions = [0.5, 0.5],
            MinimumCrystalliteSize = 10.0,
            MaximumCrystalliteSize = 40.0,
            MinimumCountTime = MinimumTrainingCountTime,
            Windows = TrainingWindows,
        },
        TrainingPatterns = 1_500,
        ValidationPatterns = 200,
        EnsembleSize = 2,
        ConvChannels = [8, 16],
        ConvKernels = [7, 5],
        Pool = 4,
        HiddenSizes = [32],
        Epochs = 8,
        BatchSize = 32,
        LearningRate = 3e-3f,
        Threads = 1,
    };

    /// <summary>The options of the full model when no registry model exists: the registry's adaptive recipe, single-threaded so a re-run repeats it.</summary>
    public static PhaseIdentifierOptions FullOptions { get; } = XrdPhaseBuiltIn.AdaptiveOptions with { Threads = 1 };

    /// <summary>The four phases of the quick model.</summary>
    /// <returns>α-Fe, NiAl, Ni, Ni₃Al.</returns>
    public static IReadOnlyList<DiagramPhase> QuickPhases() =>
    [
        new DiagramPhase("alpha-Fe", BuiltInStructures.Get("alpha-Fe")),
        new DiagramPhase("NiAl", BuiltInStructures.Get("NiAl")),
        new DiagramPhase("Ni", BuiltInStructures.Get("Ni")),
        new DiagramPhase("Ni3Al", BuiltInStructures.Get("Ni3Al")),
    ];

    /// <summary>Trains (or loads) the model for one run.</summary>
    /// <param name="quick">The quick model.</param>
    /// <param name="seed">Training seed.</param>
    /// <returns>The model.</returns>
    public static AdaptiveXrdBenchModel Create(bool quick, int seed)
    {
        if (quick)
        {
            IReadOnlyList<DiagramPhase> phases = QuickPhases();
            return new AdaptiveXrdBenchModel(PhaseIdentifier.Train(phases, QuickOptions, seed), phases, "quick");
        }

        IReadOnlyList<DiagramPhase> feNiAl = XrdTrainingSetGenerator.FeNiAlPhases();
        if (Environment.GetEnvironmentVariable(ModelRegistry.EnvironmentVariable) is { Length: > 0 })
        {
            string folder = new ModelRegistry(ModelRegistry.DefaultPath()).FolderOf(XrdPhaseBuiltIn.ModelName);
            if (File.Exists(Path.Combine(folder, PhaseIdentifier.ManifestFile)))
            {
                Analysis.Torch.TorchRuntime.SetThreads(1);
                PhaseIdentifier loaded = PhaseIdentifier.Load(folder);
                // A registry model trained on plain full scans only has never seen a merged measurement; it is
                // used only when it was trained with windows.
                if (loaded.PhaseNames.SequenceEqual(feNiAl.Select(p => p.Name), StringComparer.Ordinal) && loaded.Manifest.Options.Data.Windows is not null)
                {
                    return new AdaptiveXrdBenchModel(loaded, feNiAl, "registry");
                }

                loaded.Dispose();
            }
        }

        return new AdaptiveXrdBenchModel(PhaseIdentifier.Train(feNiAl, FullOptions, seed), feNiAl, "trained");
    }

    /// <inheritdoc/>
    public void Dispose() => Identifier.Dispose();
}
