using System.Text.Json;
using System.Text.Json.Nodes;
using AutoLab.Analysis.BeamRegression;
using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Registry;

/// <summary>"beam-size": the small MLP from insertion-device gaps to the source beam size (σx, σy) of an ALS-like ring.</summary>
/// <remarks>
/// Data come from <see cref="BeamSizeDataGenerator"/> over <see cref="BeamSizeForwardModel.AlsLike"/>; held-out
/// errors are relative RMS against the noise-free sizes, with the linear regression beside them as the baseline.
/// </remarks>
public sealed class BeamSizeBuiltIn : IBuiltInModel
{
    /// <summary>The registered name.</summary>
    public const string ModelName = "beam-size";

    private const int TestSeedOffset = 1_000_003;

    /// <inheritdoc/>
    public string Name => ModelName;

    /// <inheritdoc/>
    public string Kind => ModelKinds.BeamSizeRegressor;

    /// <inheritdoc/>
    public string Description => "Source beam size (sigma x, sigma y) from insertion-device gaps (MLP)";

    /// <inheritdoc/>
    public string FullRecipeTime => "10 seconds on 2 CPU cores";

    /// <inheritdoc/>
    public ModelCard Train(ModelTrainingSettings settings, string folder)
    {
        BeamSizeForwardModel model = BeamSizeForwardModel.AlsLike();
        (int trainRows, int testRows, int epochs) = settings.Quick ? (300, 200, 30) : (4000, 1000, 100);
        int seed = (int)(settings.Seed % int.MaxValue);
        BeamSizeDataset train = BeamSizeDataGenerator.Generate(model, trainRows, seed);
        BeamSizeDataset test = BeamSizeDataGenerator.Generate(model, testRows, seed + TestSeedOffset);
        BeamRegressorOptions defaults = new();
        BeamRegressorOptions options = defaults with { Training = defaults.Training with { Epochs = epochs }, Seed = settings.Seed };
        string[] names = [.. model.Devices.Select(d => d.Name)];
        int previous = TorchRuntime.Threads;
        if (settings.Threads > 0)
        {
            TorchRuntime.SetThreads(settings.Threads);
        }

        try
        {
            settings.Log?.Invoke($"{Name}: training on {trainRows} gap settings");
            using BeamSizeRegressor regressor = BeamSizeRegressor.Train(train, names, options, settings.Device);
            double[] mlp = BeamSizeRegressor.RelativeRmsError(regressor.Predict(test.GapsMm, test.Rows), test.TrueSizesMicrons, 2);
            LinearBaseline linear = LinearBaseline.Fit(train.GapsMm, train.SizesMicrons, train.Devices, 2);
            double[] baseline = BeamSizeRegressor.RelativeRmsError(linear.Predict(test.GapsMm), test.TrueSizesMicrons, 2);
            Dictionary<string, double> metrics = new(StringComparer.Ordinal)
            {
                ["relative_rms_sigma_x"] = mlp[0],
                ["relative_rms_sigma_y"] = mlp[1],
                ["linear_relative_rms_sigma_x"] = baseline[0],
                ["linear_relative_rms_sigma_y"] = baseline[1],
            };
            regressor.RecordMetrics(metrics);
            regressor.Save(folder);
            return new ModelCard
            {
                Name = Name,
                Kind = Kind,
                Architecture = JsonSerializer.SerializeToNode(regressor.Manifest.Network, CardJson.Options),
                Generator = nameof(BeamSizeDataGenerator),
                GeneratorOptions = new JsonObject
                {
                    ["forward_model"] = "AlsLike",
                    ["devices"] = JsonSerializer.SerializeToNode(names, CardJson.Options),
                    ["rows"] = trainRows,
                    ["relative_noise"] = BeamSizeDataGenerator.DefaultRelativeNoise,
                },
                Metrics = metrics,
                Device = TorchRuntime.ResolveDevice(settings.Device),
            };
        }
        finally
        {
            if (settings.Threads > 0)
            {
                TorchRuntime.SetThreads(previous);
            }
        }
    }
}
