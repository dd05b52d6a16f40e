using System.Text.Json;
using System.Text.Json.Nodes;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Analysis.Registry;

/// <summary>"xrd-fe-ni-al": a phase identifier for the six phases of the built-in Fe–Ni–Al diagram.</summary>
/// <remarks>
/// The full recipe is <see cref="PhaseIdentifierOptions"/>' defaults (8,000 patterns, a 3-member ensemble) and the
/// held-out sets of <see cref="PhaseIdentificationEvaluationOptions"/>. The quick recipe trains two small members on
/// a coarse 0.125° grid with broad lines (10–40 nm crystallites), the sizes the identifier's own tests use.
/// </remarks>
public sealed class XrdPhaseBuiltIn : IBuiltInModel
{
    /// <summary>The registered name.</summary>
    public const string ModelName = "xrd-fe-ni-al";

    // The evaluation's own offset (PhaseIdentificationEvaluation.Run): far from the training seed.
    private const long TestSeedOffset = 1_000_003;

    /// <inheritdoc/>
    public string Name => ModelName;

    /// <inheritdoc/>
    public string Kind => ModelKinds.PhaseIdentifier;

    /// <inheritdoc/>
    public string Description => "XRD phase identification and fractions for the Fe-Ni-Al phases (deep ensemble of 1-D CNNs)";

    /// <inheritdoc/>
    public string FullRecipeTime => "10 minutes on 2 CPU cores";

    /// <summary>The quick recipe's identifier options.</summary>
    public static PhaseIdentifierOptions QuickOptions { get; } = new()
    {
        Data = new XrdTrainingSetOptions
        {
            Grid = new XrdPatternGrid(20.0, 80.0, 480),
            PhaseCountProportions = [0.6, 0.4],
            MinimumCrystalliteSize = 10.0,
            MaximumCrystalliteSize = 40.0,
        },
        TrainingPatterns = 900,
        ValidationPatterns = 200,
        EnsembleSize = 2,
        ConvChannels = [8, 16],
        ConvKernels = [7, 5],
        Pool = 4,
        HiddenSizes = [32],
        Epochs = 8,
        BatchSize = 32,
        LearningRate = 3e-3f,
    };

    /// <inheritdoc/>
    public ModelCard Train(ModelTrainingSettings settings, string folder)
    {
        IReadOnlyList<DiagramPhase> phases = XrdTrainingSetGenerator.FeNiAlPhases();
        PhaseIdentifierOptions options = (settings.Quick ? QuickOptions : new PhaseIdentifierOptions()) with
        {
            Device = settings.Device,
            Threads = settings.Threads,
        };
        PhaseIdentificationEvaluationOptions evaluation = settings.Quick
            ? new PhaseIdentificationEvaluationOptions { SinglePhasePatterns = 120, TwoPhasePatterns = 60, ThreePhasePatterns = 30 }
            : new PhaseIdentificationEvaluationOptions();
        settings.Log?.Invoke($"{Name}: simulating {options.TrainingPatterns + options.ValidationPatterns} patterns and training {options.EnsembleSize} CNNs");
        using PhaseIdentifier identifier = PhaseIdentifier.Train(phases, options, settings.Seed);
        settings.Log?.Invoke($"{Name}: evaluating on held-out patterns");
        PhaseIdentificationReport report = PhaseIdentificationEvaluation.Evaluate(identifier, phases, evaluation, settings.Seed + TestSeedOffset);
        Dictionary<string, double> metrics = new(StringComparer.Ordinal)
        {
            ["single_phase_top1"] = report.SinglePhaseTopOne,
            ["single_phase_ece"] = report.SinglePhaseEce,
            ["mixture_presence_ece"] = report.MixturePresenceEce,
            ["two_phase_fraction_mae"] = report.TwoPhaseFractionMae,
            ["three_phase_fraction_mae"] = report.ThreePhaseFractionMae,
            ["mixture_exact_phase_set"] = report.MixtureExactPhaseSet,
            ["temperature"] = report.Temperature,
            ["inference_ms_per_pattern"] = report.InferenceMillisecondsPerPattern,
        };
        identifier.RecordMetrics(metrics);
        identifier.Save(folder);
        return new ModelCard
        {
            Name = Name,
            Kind = Kind,
            Architecture = new JsonObject
            {
                ["ensemble_size"] = options.EnsembleSize,
                ["phases"] = JsonSerializer.SerializeToNode(identifier.PhaseNames, CardJson.Options),
                ["members"] = JsonSerializer.SerializeToNode(identifier.Manifest.Members, CardJson.Options),
            },
            Generator = nameof(XrdTrainingSetGenerator),
            GeneratorOptions = JsonSerializer.SerializeToNode(options.Data, CardJson.Options),
            Metrics = metrics,
            Device = identifier.Device,
        };
    }
}
