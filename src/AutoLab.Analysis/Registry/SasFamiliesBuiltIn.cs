using System.Text.Json;
using System.Text.Json.Nodes;
using AutoLab.Analysis.SmallAngle;
using AutoLab.Analysis.Torch;
using AutoLab.Analysis.Training.Sas;

namespace AutoLab.Analysis.Registry;

/// <summary>"sas-families": a SAS model selector over sphere, core–shell, cylinder, ellipsoid and Gaussian chain, with sizes.</summary>
/// <remarks>
/// The full recipe is <see cref="SasEvaluationOptions"/>' defaults (1,600 training and 300 held-out curves per
/// family on 128 q points). The quick recipe uses 64 points over 0.01–0.3 Å⁻¹ (cylinders are cheap there) and
/// small networks, the sizes of the selector's own tests.
/// </remarks>
public sealed class SasFamiliesBuiltIn : IBuiltInModel
{
    /// <summary>The registered name.</summary>
    public const string ModelName = "sas-families";

    /// <inheritdoc/>
    public string Name => ModelName;

    /// <inheritdoc/>
    public string Kind => ModelKinds.SasModelSelector;

    /// <inheritdoc/>
    public string Description => "SAXS/SANS model selection (5 families) with size regression and MC-dropout uncertainty";

    /// <inheritdoc/>
    public string FullRecipeTime => "2 minutes on 2 CPU cores";

    /// <summary>The quick recipe: grid, curve counts and networks.</summary>
    public static SasEvaluationOptions QuickOptions { get; } = new()
    {
        Generator = new SasGeneratorOptions { Points = 64, QMin = 0.01, QMax = 0.3 },
        TrainingCurvesPerFamily = 60,
        TestCurvesPerFamily = 20,
        Selector = new SasSelectorOptions
        {
            Classifier = new NetworkSpec { Kind = NetworkKind.Cnn1D, ConvChannels = [8, 16, 16], ConvKernels = [7, 5, 5], Pool = 2, BatchNorm = true, HiddenSizes = [32], Dropout = 0.1f },
            ClassifierTraining = new TrainingOptions { Loss = TrainingLoss.CrossEntropy, Epochs = 30, BatchSize = 32, LearningRate = 3e-3f },
            Regressor = new NetworkSpec { Kind = NetworkKind.Mlp, HiddenSizes = [64, 32], Dropout = 0.1f },
            RegressorTraining = new TrainingOptions { Loss = TrainingLoss.MeanSquaredError, Epochs = 40, BatchSize = 32, LearningRate = 3e-3f },
            MonteCarloSamples = 20,
        },
    };

    /// <inheritdoc/>
    public ModelCard Train(ModelTrainingSettings settings, string folder)
    {
        SasEvaluationOptions options = settings.Quick ? QuickOptions : new SasEvaluationOptions();
        SasSelectorOptions selectorOptions = options.Selector with { Threads = settings.Threads, Seed = settings.Seed };
        // The generator takes an int seed; folding keeps distinct long seeds distinct in practice.
        int seed = (int)(settings.Seed % int.MaxValue);
        settings.Log?.Invoke($"{Name}: simulating {options.TrainingCurvesPerFamily + options.TestCurvesPerFamily} curves per family");
        SasTrainingSet training = SasTrainingSetGenerator.Generate(options.Generator with { CurvesPerFamily = options.TrainingCurvesPerFamily }, seed);
        SasTrainingSet test = SasTrainingSetGenerator.Generate(options.Generator with { CurvesPerFamily = options.TestCurvesPerFamily }, seed + SasModelSelectionEvaluation.TestSeedOffset);
        settings.Log?.Invoke($"{Name}: training the classifier and {training.Families.Distinct().Count()} size regressors");
        using SasModelSelector selector = SasModelSelector.Train(training, selectorOptions, settings.Device);
        SasEvaluationReport report = SasModelSelectionEvaluation.Score(selector, test);
        Dictionary<string, double> metrics = new(StringComparer.Ordinal)
        {
            ["accuracy"] = report.Accuracy,
            ["test_curves"] = report.TestCurves,
            ["inference_ms_per_curve"] = report.InferenceSecondsPerCurve * 1000.0,
        };
        foreach (SasSizeError error in report.SizeErrors)
        {
            string key = $"{Models.StageOutputs.Slug(error.Family.ToString())}_{error.Parameter}";
            metrics[$"median_relative_error_{key}"] = error.MedianRelativeError;
            metrics[$"coverage_1sigma_{key}"] = error.OneSigmaCoverage;
        }

        selector.RecordMetrics(metrics);
        selector.Save(folder);
        return new ModelCard
        {
            Name = Name,
            Kind = Kind,
            Architecture = new JsonObject
            {
                ["classifier"] = JsonSerializer.SerializeToNode(selector.Manifest.Classifier, CardJson.Options),
                ["regressors"] = JsonSerializer.SerializeToNode(selector.Manifest.Regressors, CardJson.Options),
                ["monte_carlo_samples"] = selectorOptions.MonteCarloSamples,
            },
            Generator = nameof(SasTrainingSetGenerator),
            GeneratorOptions = JsonSerializer.SerializeToNode(options.Generator with { CurvesPerFamily = options.TrainingCurvesPerFamily }, CardJson.Options),
            Metrics = metrics,
            Device = selector.Device,
        };
    }
}
