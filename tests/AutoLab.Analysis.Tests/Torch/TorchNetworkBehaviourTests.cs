using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.Tests.Torch;

/// <summary>
/// The contract of a network handle: deterministic evaluation and seeds, MC-dropout spread, exact
/// save/load, clear errors for mismatched files and bad input, and disposal.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class TorchNetworkBehaviourTests : IDisposable
{
    private static readonly NetworkSpec DropoutSpec = new()
    {
        Kind = NetworkKind.Mlp,
        InputLength = 1,
        Outputs = 1,
        HiddenSizes = [32, 32],
        Dropout = 0.3f,
        Seed = 9,
    };

    private static readonly TrainingOptions Quick = new() { Epochs = 20, BatchSize = 32, LearningRate = 1e-2f, Seed = 4 };

    private readonly string folder = Directory.CreateTempSubdirectory("autolab-torch-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Mc_dropout_spreads_while_evaluation_mode_repeats_exactly()
    {
        (float[] x, float[] y) = SyntheticData.Sine(256, seed: 1);
        using TorchNetwork network = TorchNetwork.Create(DropoutSpec);
        network.Train(x, y, 256, Quick);
        float[] probe = [-1f, 0f, 1f];

        Assert.Equal(network.Predict(probe, 3), network.Predict(probe, 3));
        float[] samples = network.Predict(probe, 3, monteCarloSamples: 30);
        Assert.Equal(30 * 3, samples.Length);
        for (int row = 0; row < 3; row++)
        {
            double[] draws = [.. Enumerable.Range(0, 30).Select(s => (double)samples[s * 3 + row])];
            double mean = draws.Average();
            double spread = Math.Sqrt(draws.Sum(d => (d - mean) * (d - mean)) / (draws.Length - 1));
            Assert.True(spread > 0.0, $"row {row}: MC-dropout draws should differ (standard deviation {spread})");
        }
    }

    [Fact]
    public void Save_then_load_gives_identical_predictions()
    {
        (float[] x, float[] y) = SyntheticData.Sine(256, seed: 2);
        using TorchNetwork trained = TorchNetwork.Create(DropoutSpec);
        trained.Train(x, y, 256, Quick);
        string path = Path.Combine(folder, "sine.pt");
        trained.Save(path);

        using TorchNetwork loaded = TorchNetwork.Load(DropoutSpec, path);

        Assert.Equal(trained.Predict(x, 256), loaded.Predict(x, 256));
        Assert.Equal("cpu", loaded.Device);
    }

    [Fact]
    public void Loading_a_file_saved_from_another_spec_names_the_first_differing_tensor()
    {
        string path = Path.Combine(folder, "small.pt");
        using (TorchNetwork small = TorchNetwork.Create(DropoutSpec with { HiddenSizes = [16, 32] }))
        {
            small.Save(path);
        }

        TorchException error = Assert.Throws<TorchException>(() => TorchNetwork.Load(DropoutSpec, path));
        Assert.Contains("tensor '0.weight' has shape [16, 1] in the file but [32, 1] in this network", error.Message, StringComparison.Ordinal);
        Assert.Contains("different spec", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_a_missing_file_says_which()
    {
        string path = Path.Combine(folder, "absent.pt");
        FileNotFoundException error = Assert.Throws<FileNotFoundException>(() => TorchNetwork.Load(DropoutSpec, path));
        Assert.Equal(path, error.FileName);
    }

    [Fact]
    public void A_nan_input_is_refused_with_its_row()
    {
        (float[] x, float[] y) = SyntheticData.Sine(64, seed: 3);
        x[7] = float.NaN;
        using TorchNetwork network = TorchNetwork.Create(DropoutSpec);

        TorchException training = Assert.Throws<TorchException>(() => network.Train(x, y, 64, Quick));
        // NaN prints as "nan" or "-nan" depending on its sign bit; the row and column are the point.
        Assert.Contains("input row 7, column 0 is", training.Message, StringComparison.Ordinal);
        Assert.Contains("every value must be finite", training.Message, StringComparison.Ordinal);
        TorchException prediction = Assert.Throws<TorchException>(() => network.Predict(x, 64));
        Assert.Contains("input row 7", prediction.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_target_is_refused_with_its_row()
    {
        (float[] x, float[] y) = SyntheticData.Sine(64, seed: 3);
        y[12] = float.PositiveInfinity;
        using TorchNetwork network = TorchNetwork.Create(DropoutSpec);

        TorchException error = Assert.Throws<TorchException>(() => network.Train(x, y, 64, Quick));
        Assert.Contains("target row 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_outside_zero_to_one_are_refused_for_cross_entropy()
    {
        using TorchNetwork network = TorchNetwork.Create(new NetworkSpec { InputLength = 2, Outputs = 2, Seed = 1 });
        float[] x = [0f, 1f, 1f, 0f];
        float[] y = [1f, 0f, 0f, -1f];

        TorchException error = Assert.Throws<TorchException>(() => network.Train(x, y, 2, Quick with { Loss = TrainingLoss.CrossEntropy }));
        Assert.Contains("target row 1, column 1 is -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diverging_loss_is_reported_with_its_epoch()
    {
        // Finite targets whose squared error overflows float32: the loss is infinite from the start.
        (float[] x, _) = SyntheticData.Sine(64, seed: 6);
        float[] huge = [.. Enumerable.Repeat(1e30f, 64)];
        using TorchNetwork network = TorchNetwork.Create(DropoutSpec);

        TorchException error = Assert.Throws<TorchException>(() => network.Train(x, huge, 64, Quick));
        Assert.Contains("training diverged", error.Message, StringComparison.Ordinal);
        Assert.Contains("in epoch 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_of_the_wrong_width_for_the_loss_are_refused()
    {
        using TorchNetwork network = TorchNetwork.Create(new NetworkSpec { InputLength = 2, Outputs = 4, Seed = 1 });
        float[] x = [0f, 1f, 1f, 0f];

        TorchException error = Assert.Throws<TorchException>(
            () => network.Train(x, new float[8], 2, Quick with { Loss = TrainingLoss.PresenceFraction }));
        Assert.Contains("targets has 4 columns; this loss needs 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_training_and_prediction_on_one_network_are_serialised()
    {
        (float[] x, float[] y) = SyntheticData.Sine(128, seed: 5);
        using TorchNetwork network = TorchNetwork.Create(DropoutSpec);

        Task[] work = [.. Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            if (i % 2 == 0)
            {
                network.Train(x, y, 128, Quick with { Epochs = 2 });
            }
            else
            {
                Assert.Equal(128, network.Predict(x, 128).Length);
            }
        }))];
        await Task.WhenAll(work);

        Assert.All(network.Predict(x, 128), value => Assert.True(float.IsFinite(value), "predictions stay finite"));
    }

    [Fact]
    public void The_same_seeds_give_the_same_network_and_another_seed_does_not()
    {
        (float[] x, float[] y) = SyntheticData.Sine(128, seed: 4);
        float[] First(NetworkSpec spec)
        {
            using TorchNetwork network = TorchNetwork.Create(spec);
            network.Train(x, y, 128, Quick);
            return network.Predict(x, 128);
        }

        Assert.Equal(First(DropoutSpec), First(DropoutSpec));
        Assert.NotEqual(First(DropoutSpec), First(DropoutSpec with { Seed = 10 }));
    }

    [Fact]
    public void Wrong_lengths_are_refused_naming_the_argument()
    {
        using TorchNetwork network = TorchNetwork.Create(DropoutSpec);

        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => network.Predict(new float[5], 4)).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => network.Train(new float[4], new float[3], 4, Quick)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => network.Predict([], 0)).ParamName);
    }

    [Fact]
    public void A_disposed_network_refuses_further_calls()
    {
        TorchNetwork network = TorchNetwork.Create(DropoutSpec);
        network.Dispose();
        network.Dispose();

        Assert.Throws<ObjectDisposedException>(() => network.Predict([0f], 1));
        Assert.Throws<ObjectDisposedException>(() => network.Save(Path.Combine(folder, "x.pt")));
    }
}
