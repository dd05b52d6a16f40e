using System.Diagnostics;
using AutoLab.Analysis.Torch;
using Xunit.Abstractions;

namespace AutoLab.Analysis.Tests.Torch;

/// <summary>Small networks learn real tasks in seconds through the shim: regression, classification, mixtures.</summary>
[Collection(TorchCollection.Name)]
public class TorchNetworkTrainingTests(ITestOutputHelper output)
{
    // A 1-32-32-1 MLP fits sin(x) on [-π, π] to well under this after 1,600 Adam steps.
    private const double SineRmseTolerance = 0.05;

    // Two peak positions 0.4·length apart with ±3 points of jitter are easy: anything below this is a bug.
    private const double PeakAccuracyThreshold = 0.95;

    // Three blobs 3σ/0.4 apart overlap for well under 1% of points.
    private const double BlobAccuracyThreshold = 0.97;

    // Two sign labels; only points within a few hundredths of an axis can be missed.
    private const double MultiLabelAccuracyThreshold = 0.95;

    // Phase fractions from noise-free-ish mixtures of three known peaks: the target is 0.05.
    private const double FractionMaeTolerance = 0.05;
    private const double PresenceAccuracyThreshold = 0.95;

    [Fact]
    public void An_mlp_learns_the_sine_to_a_small_rms_error()
    {
        (float[] x, float[] y) = SyntheticData.Sine(512, seed: 1);
        using TorchNetwork network = TorchNetwork.Create(new NetworkSpec
        {
            Kind = NetworkKind.Mlp,
            InputLength = 1,
            Outputs = 1,
            HiddenSizes = [32, 32],
            Seed = 7,
        });

        TrainingReport report = network.Train(x, y, 512, new TrainingOptions { Epochs = 200, BatchSize = 64, LearningRate = 1e-2f, Seed = 3 });

        float[] grid = [.. Enumerable.Range(0, 101).Select(i => (float)(-Math.PI + i * 2 * Math.PI / 100))];
        float[] predicted = network.Predict(grid, grid.Length);
        double rmse = Math.Sqrt(grid.Select((g, i) => Math.Pow(predicted[i] - Math.Sin(g), 2)).Average());
        output.WriteLine($"MLP sine: rmse {rmse:F4}, final loss {report.FinalLoss:G3}, {report.Seconds:F3} s, {report.SamplesPerSecond:F0} samples/s");
        Assert.True(rmse < SineRmseTolerance, $"rms error {rmse} over the grid should be below {SineRmseTolerance}");
        Assert.Equal(200L * 512, report.SamplesSeen);
        Assert.Equal(1 * 32 + 32 + 32 * 32 + 32 + 32 + 1, network.ParameterCount);
    }

    [Fact]
    public void A_cnn_tells_two_peak_positions_apart()
    {
        const int Length = 64;
        (float[] x, float[] y, _) = SyntheticData.Peaks(256, Length, seed: 11);
        (float[] testX, _, int[] testLabels) = SyntheticData.Peaks(200, Length, seed: 12);
        using TorchNetwork network = TorchNetwork.Create(new NetworkSpec
        {
            Kind = NetworkKind.Cnn1D,
            InputLength = Length,
            Outputs = 2,
            ConvChannels = [8],
            ConvKernels = [5],
            Pool = 4,
            BatchNorm = true,
            HiddenSizes = [16],
            Seed = 5,
        });

        var clock = Stopwatch.StartNew();
        TrainingReport report = network.Train(x, y, 256, new TrainingOptions
        {
            Loss = TrainingLoss.CrossEntropy,
            Epochs = 30,
            BatchSize = 32,
            LearningRate = 3e-3f,
            Seed = 1,
        });
        int[] predicted = SyntheticData.ArgMax(network.Predict(testX, 200), 200, 2);
        clock.Stop();

        double accuracy = predicted.Zip(testLabels).Count(p => p.First == p.Second) / 200.0;
        output.WriteLine($"CNN peaks: accuracy {accuracy:P1}, training {report.Seconds:F3} s ({report.SamplesPerSecond:F0} samples/s), with inference {clock.Elapsed.TotalSeconds:F3} s");
        Assert.True(accuracy >= PeakAccuracyThreshold, $"held-out accuracy {accuracy} should be at least {PeakAccuracyThreshold}");
    }

    [Fact]
    public void A_two_channel_cnn_reads_a_label_carried_only_by_its_second_channel()
    {
        const int Length = 64;
        (float[] patterns, float[] y, _) = SyntheticData.Peaks(256, Length, seed: 13);
        float[] x = TwoChannels(patterns, 256, Length, seed: 14);
        (float[] testPatterns, _, int[] testLabels) = SyntheticData.Peaks(200, Length, seed: 15);
        float[] testX = TwoChannels(testPatterns, 200, Length, seed: 16);
        using TorchNetwork network = TorchNetwork.Create(new NetworkSpec
        {
            Kind = NetworkKind.Cnn1D,
            InputLength = Length,
            InputChannels = 2,
            Outputs = 2,
            ConvChannels = [8],
            ConvKernels = [5],
            Pool = 4,
            HiddenSizes = [16],
            Seed = 5,
        });

        network.Train(x, y, 256, new TrainingOptions { Loss = TrainingLoss.CrossEntropy, Epochs = 30, BatchSize = 32, LearningRate = 3e-3f, Seed = 1 });
        int[] predicted = SyntheticData.ArgMax(network.Predict(testX, 200), 200, 2);

        double accuracy = predicted.Zip(testLabels).Count(p => p.First == p.Second) / 200.0;
        output.WriteLine($"two-channel CNN, label in channel 1 only: accuracy {accuracy:P1}");
        Assert.Equal(2 * Length, network.Spec.InputWidth);
        Assert.True(accuracy >= PeakAccuracyThreshold, $"held-out accuracy {accuracy} should be at least {PeakAccuracyThreshold}");
        ArgumentException wrongWidth = Assert.Throws<ArgumentException>(() => network.Predict(new float[Length], 1));
        Assert.Contains("2 channels", wrongWidth.Message, StringComparison.Ordinal);
    }

    // Rows of [channel 0: noise alone | channel 1: the given pattern], so only channel 1 says which peak it is.
    private static float[] TwoChannels(float[] patterns, int rows, int length, int seed)
    {
        var random = new Random(seed);
        float[] x = new float[rows * 2 * length];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < length; j++)
            {
                x[(i * 2 * length) + j] = (float)random.NextDouble();
                x[(i * 2 * length) + length + j] = patterns[(i * length) + j];
            }
        }

        return x;
    }

    [Fact]
    public void Cross_entropy_separates_three_blobs()
    {
        (float[] x, float[] y, _) = SyntheticData.Blobs(300, seed: 21);
        (float[] testX, _, int[] testLabels) = SyntheticData.Blobs(300, seed: 22);
        using TorchNetwork network = TorchNetwork.Create(new NetworkSpec { InputLength = 2, Outputs = 3, HiddenSizes = [16], Seed = 2 });

        TrainingReport report = network.Train(x, y, 300, new TrainingOptions
        {
            Loss = TrainingLoss.CrossEntropy,
            Epochs = 60,
            BatchSize = 32,
            LearningRate = 1e-2f,
        });

        int[] predicted = SyntheticData.ArgMax(network.Predict(testX, 300), 300, 3);
        double accuracy = predicted.Zip(testLabels).Count(p => p.First == p.Second) / 300.0;
        output.WriteLine($"blobs: accuracy {accuracy:P1}, final loss {report.FinalLoss:G3}, {report.Seconds:F3} s");
        Assert.True(accuracy >= BlobAccuracyThreshold, $"held-out accuracy {accuracy} should be at least {BlobAccuracyThreshold}");
    }

    [Fact]
    public void The_multi_label_loss_learns_independent_labels()
    {
        // Label a: x0 > 0; label b: x1 > 0; both, one or neither may hold.
        var random = new Random(41);
        float[] Inputs(int rows) => [.. Enumerable.Range(0, rows * 2).Select(_ => (float)(random.NextDouble() * 2.0 - 1.0))];
        float[] Labels(float[] x) => [.. x.Select(v => v > 0f ? 1f : 0f)];
        float[] x = Inputs(400);
        float[] testX = Inputs(200);
        using TorchNetwork network = TorchNetwork.Create(new NetworkSpec { InputLength = 2, Outputs = 2, HiddenSizes = [16], Seed = 6 });

        network.Train(x, Labels(x), 400, new TrainingOptions { Loss = TrainingLoss.MultiLabel, Epochs = 60, BatchSize = 32, LearningRate = 1e-2f });

        float[] logits = network.Predict(testX, 200);
        float[] expected = Labels(testX);
        double accuracy = logits.Zip(expected).Count(p => (p.First > 0f ? 1f : 0f) == p.Second) / (double)logits.Length;
        output.WriteLine($"multi-label: per-label accuracy {accuracy:P1}");
        Assert.True(accuracy >= MultiLabelAccuracyThreshold, $"per-label accuracy {accuracy} should be at least {MultiLabelAccuracyThreshold}");
    }

    [Fact]
    public void The_presence_fraction_loss_learns_which_phases_are_present_and_how_much()
    {
        const int Phases = 3;
        (float[] x, float[] fractions) = SyntheticData.Mixtures(1000, seed: 31);
        (float[] testX, float[] testFractions) = SyntheticData.Mixtures(300, seed: 32);
        using TorchNetwork network = TorchNetwork.Create(new NetworkSpec { InputLength = 32, Outputs = 2 * Phases, HiddenSizes = [64], Seed = 4 });

        TrainingReport report = network.Train(x, fractions, 1000, new TrainingOptions
        {
            Loss = TrainingLoss.PresenceFraction,
            Epochs = 80,
            BatchSize = 50,
            LearningRate = 5e-3f,
            FractionWeight = 10f,
        });

        float[] outputs = network.Predict(testX, 300);
        double absoluteError = 0.0;
        int presenceRight = 0;
        for (int r = 0; r < 300; r++)
        {
            double[] logits = [.. Enumerable.Range(0, Phases).Select(p => (double)outputs[r * 2 * Phases + Phases + p])];
            double max = logits.Max();
            double total = logits.Sum(l => Math.Exp(l - max));
            for (int p = 0; p < Phases; p++)
            {
                double fraction = Math.Exp(logits[p] - max) / total;
                absoluteError += Math.Abs(fraction - testFractions[r * Phases + p]);
                bool present = outputs[r * 2 * Phases + p] > 0f;
                presenceRight += present == testFractions[r * Phases + p] > 0.02f ? 1 : 0;
            }
        }

        double mae = absoluteError / (300 * Phases);
        double presenceAccuracy = presenceRight / (300.0 * Phases);
        output.WriteLine($"mixtures: fraction MAE {mae:F4}, presence accuracy {presenceAccuracy:P1}, {report.Seconds:F3} s");
        Assert.True(mae <= FractionMaeTolerance, $"fraction MAE {mae} should be at most {FractionMaeTolerance}");
        Assert.True(presenceAccuracy >= PresenceAccuracyThreshold, $"presence accuracy {presenceAccuracy} should be at least {PresenceAccuracyThreshold}");
    }
}
