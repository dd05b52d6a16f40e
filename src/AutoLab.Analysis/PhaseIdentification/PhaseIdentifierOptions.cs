using AutoLab.Analysis.Training.Xrd;

namespace AutoLab.Analysis.PhaseIdentification;

/// <summary>How a <see cref="PhaseIdentifier"/> is trained: the data, the ensemble, each member's architecture and its optimiser.</summary>
/// <remarks>
/// The defaults are the full-size model of docs/analysis.md; tests shrink the grid, the set and the epochs.
/// Each member is a CNN1D of the libtorch shim: Conv1d → [BatchNorm] → ReLU → MaxPool per block, then the
/// dense layers with dropout, and 2K outputs (K presence logits, K fraction logits).
/// </remarks>
public sealed record PhaseIdentifierOptions
{
    /// <summary>What the training and validation patterns look like.</summary>
    public XrdTrainingSetOptions Data { get; init; } = new();

    /// <summary>Number of training patterns.</summary>
    public int TrainingPatterns { get; init; } = 8_000;

    /// <summary>Number of held-out validation patterns (the temperature is fitted on them).</summary>
    public int ValidationPatterns { get; init; } = 1_500;

    /// <summary>Number of ensemble members M (Lakshminarayanan et al. 2017 use 5; 3 keeps CPU training time near ten minutes).</summary>
    public int EnsembleSize { get; init; } = 3;

    /// <summary>Output channels of each convolution block.</summary>
    public IReadOnlyList<int> ConvChannels { get; init; } = [16, 32, 64];

    /// <summary>Kernel width of each convolution block (odd).</summary>
    public IReadOnlyList<int> ConvKernels { get; init; } = [9, 7, 5];

    /// <summary>Max-pool width after each block.</summary>
    public int Pool { get; init; } = 3;

    /// <summary>Whether each convolution is followed by batch normalisation.</summary>
    public bool BatchNorm { get; init; } = true;

    /// <summary>Sizes of the dense hidden layers.</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [128];

    /// <summary>Dropout after each dense hidden layer.</summary>
    public float Dropout { get; init; } = 0.2f;

    /// <summary>Training epochs per member.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Minibatch size.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam learning rate (cosine-annealed to 5 % of it).</summary>
    public float LearningRate { get; init; } = 2e-3f;

    /// <summary>Adam's L2 weight decay.</summary>
    public float WeightDecay { get; init; } = 1e-5f;

    /// <summary>Weight of the fraction (softmax MSE) term against the presence (BCE) term.</summary>
    public float FractionWeight { get; init; } = 10f;

    /// <summary>A phase counts as present for the presence loss when its fraction exceeds this.</summary>
    public float PresenceThreshold { get; init; } = 0.02f;

    /// <summary>Device for the members ("cpu", "cuda", "auto").</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>libtorch intra-op threads to set before training, or 0 to leave the current setting.</summary>
    public int Threads { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        if (TrainingPatterns < 2 || ValidationPatterns < 2)
        {
            throw new ArgumentException($"need at least 2 training and 2 validation patterns, not {TrainingPatterns} and {ValidationPatterns}", nameof(TrainingPatterns));
        }

        if (EnsembleSize < 1)
        {
            throw new ArgumentException($"ensemble size must be at least 1, not {EnsembleSize}", nameof(EnsembleSize));
        }

        if (Epochs < 1 || BatchSize < 1 || !(LearningRate > 0) || Threads < 0)
        {
            throw new ArgumentException("epochs, batch size and learning rate must be positive and threads not negative", nameof(Epochs));
        }

        Data.Validate();
    }
}
