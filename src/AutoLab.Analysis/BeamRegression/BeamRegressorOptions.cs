using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.BeamRegression;

/// <summary>Architecture and training of a <see cref="BeamSizeRegressor"/>.</summary>
/// <remarks>The network template's input length and outputs are filled in from the data (one input per device,
/// two outputs σx and σy).</remarks>
public sealed record BeamRegressorOptions
{
    /// <summary>The MLP: two hidden layers of 64 by default, the "small" network of the issue.</summary>
    public NetworkSpec Network { get; init; } = new() { Kind = NetworkKind.Mlp, HiddenSizes = [64, 64] };

    /// <summary>Training; the loss is always mean squared error on standardised outputs.</summary>
    public TrainingOptions Training { get; init; } = new()
    {
        Loss = TrainingLoss.MeanSquaredError,
        Epochs = 100,
        BatchSize = 64,
        LearningRate = 3e-3f,
        CosineSchedule = true,
    };

    /// <summary>Seeds the weights and the minibatch order.</summary>
    public long Seed { get; init; }
}
