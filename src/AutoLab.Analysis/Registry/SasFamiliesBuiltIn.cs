using System.Text.Json;
using System.Text.Json.Nodes;
using AutoLab.Analysis.SmallAngle;
using AutoLab.Analysis.Torch;
using AutoLab.Analysis.Training.Sas;

namespace AutoLab.Analysis.Registry;

/// <summary>"sas-families": a SAS model selector over sphere, core–shell, cylinder, ellipsoid and Gaussian chain, with sizes.</summary>
/// <remarks>
/// <para>The full recipe is <see cref="SasEvaluationOptions"/>' defaults (1,600 training and 300 held-out curves per
/// family on 128 q points from 0.005 to 0.5 Å⁻¹). The quick recipe uses 64 points over 0.01–0.3 Å⁻¹ (cylinders are
/// cheap there) and small networks, the sizes of the selector's own tests.</para>
/// <para><see cref="LowQ"/> is the same recipe on a camera that stops at 0.2 Å⁻¹ ("sas-families-low-q"): the
/// <c>sas-model</c> stage only reads curves that cover the model's q grid, and a camera set up for particles of a
/// few tens of nm (the SAXS map's, 0.003–0.2 Å⁻¹) does not reach 0.3 or 0.5.</para>
/// </remarks>
public sealed class SasFamiliesBuiltIn : IBuiltInModel
{
    /// <summary>The registered name of the default model.</summary>
    public const string ModelName = "sas-families";

    /// <summary>The registered name of the low-q model (<see cref="LowQ"/>).</summary>
    public const string LowQModelName = "sas-families-low-q";

    /// <summary>Largest q of the low-q model's grid (Å⁻¹).</summary>
    public const double LowQMax = 0.2;

    private readonly SasGeneratorOptions? _fullGenerator;
    private readonly SasGeneratorOptions _quickGenerator;

    /// <summary>The default model: <see cref="ModelName"/>, on the generator's default q grid.</summary>
    public SasFamiliesBuiltIn()
        : this(ModelName, null, QuickOptions.Generator, "")
    {
    }

    private SasFamiliesBuiltIn(string name, SasGeneratorOptions? fullGenerator, SasGeneratorOptions quickGenerator, string rangeNote)
    {
        Name = name;
        _fullGenerator = fullGenerator;
        _quickGenerator = quickGenerator;
        Description = "SAXS/SANS model selection (5 families) with size regression and MC-dropout uncertainty" + rangeNote;
    }

    /// <summary>The low-q model, <see cref="LowQModelName"/>: 128 points from 0.005 to <see cref="LowQMax"/> Å⁻¹ (quick: 64 from 0.01).</summary>
    /// <returns>The built-in.</returns>
    public static SasFamiliesBuiltIn LowQ() => new(
        LowQModelName,
        new SasGeneratorOptions { QMin = SasGeneratorOptions.DefaultQMin, QMax = LowQMax, Points = SasGeneratorOptions.DefaultPoints },
        QuickOptions.Generator with { QMax = LowQMax },
        $", for cameras that stop at q = {LowQMax} 1/Å");

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Kind => ModelKinds.SasModelSelector;

    /// <inheritdoc/>
    public string Description { get; }

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
        SasEvaluationOptions defaults = new();
        SasEvaluationOptions options = settings.Quick
            ? QuickOptions with { Generator = _quickGenerator }
            : defaults with { Generator = _fullGenerator ?? defaults.Generator };
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
