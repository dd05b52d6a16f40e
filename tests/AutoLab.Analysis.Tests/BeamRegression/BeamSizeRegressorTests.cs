using AutoLab.Analysis.BeamRegression;
using AutoLab.Analysis.Tests.Torch;
using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Tests.BeamRegression;

/// <summary>The small beam-size MLP learns the nonlinear gap response that a linear regression cannot, and saves faithfully.</summary>
[Collection(TorchCollection.Name)]
public sealed class BeamSizeRegressorTests : IDisposable
{
    // Held-out relative RMS error of σy: the MLP must beat ordinary least squares by at least this factor
    // (measured ~4.7x with 2,000 settings; the exp(g/λu) field law and the beta-beat phases are far from linear).
    private const double BeatLinearFactor = 2.0;

    // Saved weights reload bit for bit; float32 outputs mapped back to µm agree to rounding.
    private const double SaveLoadTolerance = 1e-9;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"beam-regressor-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void The_mlp_beats_a_linear_baseline_on_held_out_settings()
    {
        BeamSizeForwardModel model = BeamSizeForwardModel.AlsLike();
        BeamSizeDataset train = BeamSizeDataGenerator.Generate(model, 1500, 1);
        BeamSizeDataset test = BeamSizeDataGenerator.Generate(model, 500, 2);
        using BeamSizeRegressor regressor = Train(model, train);

        double[] mlp = BeamSizeRegressor.RelativeRmsError(regressor.Predict(test.GapsMm, test.Rows), test.SizesMicrons, 2);
        LinearBaseline linear = LinearBaseline.Fit(train.GapsMm, train.SizesMicrons, train.Devices, 2);
        double[] baseline = BeamSizeRegressor.RelativeRmsError(linear.Predict(test.GapsMm), test.SizesMicrons, 2);

        Assert.True(mlp[1] * BeatLinearFactor < baseline[1], $"σy: MLP {mlp[1]:E3} vs linear {baseline[1]:E3}");
        Assert.True(mlp[0] < 2.0 * baseline[0], $"σx is nearly linear in the gaps; the MLP ({mlp[0]:E3}) must not be far worse than linear ({baseline[0]:E3})");
    }

    [Fact]
    public void A_saved_and_loaded_regressor_predicts_the_same_sizes()
    {
        BeamSizeForwardModel model = BeamSizeForwardModel.AlsLike();
        BeamSizeDataset train = BeamSizeDataGenerator.Generate(model, 200, 3);
        using BeamSizeRegressor regressor = Train(model, train, epochs: 5);
        regressor.Save(_folder);
        using BeamSizeRegressor loaded = BeamSizeRegressor.Load(_folder);

        double[] before = regressor.Predict(train.GapsMm, train.Rows);
        double[] after = loaded.Predict(train.GapsMm, train.Rows);
        for (int i = 0; i < before.Length; i++)
        {
            Assert.True(Math.Abs(before[i] - after[i]) < SaveLoadTolerance, $"value {i}: {before[i]} vs {after[i]}");
        }

        Assert.Equal(regressor.Manifest.Devices, loaded.Manifest.Devices);
    }

    [Fact]
    public void A_NaN_gap_is_refused_naming_its_index_and_device()
    {
        BeamSizeForwardModel model = BeamSizeForwardModel.AlsLike();
        BeamSizeDataset train = BeamSizeDataGenerator.Generate(model, 50, 3);
        using BeamSizeRegressor regressor = Train(model, train, epochs: 1);
        double[] gaps = [.. train.GapsMm.AsSpan(0, 2 * train.Devices)];
        gaps[7] = double.NaN;
        ArgumentException error = Assert.Throws<ArgumentException>(() => regressor.Predict(gaps, 2));
        Assert.Contains("index 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("EPU50", error.Message, StringComparison.Ordinal);
    }

    private static BeamSizeRegressor Train(BeamSizeForwardModel model, BeamSizeDataset data, int epochs = 150)
    {
        // A 6-64-64-2 MLP is too small to gain from threads; on two busy cores a second libtorch thread made each
        // Adam step ~50x slower, so the tests train single-threaded and restore the setting.
        int threads = TorchRuntime.Threads;
        TorchRuntime.SetThreads(1);
        try
        {
            var options = new BeamRegressorOptions();
            options = options with { Training = options.Training with { Epochs = epochs, BatchSize = 128 }, Seed = 5 };
            return BeamSizeRegressor.Train(data, [.. model.Devices.Select(d => d.Name)], options);
        }
        finally
        {
            TorchRuntime.SetThreads(threads);
        }
    }
}
