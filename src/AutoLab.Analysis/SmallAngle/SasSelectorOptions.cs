using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.SmallAngle;

/// <summary>Architectures and training of a <see cref="SasModelSelector"/>.</summary>
/// <remarks>
/// <see cref="Classifier"/> and <see cref="Regressor"/> are templates: the selector fills in the input length (the
/// q grid's points) and the outputs (the families, or one family's size parameters). The defaults are what the
/// full-size evaluation measured best (docs/analysis.md, "SAS model selection").
/// </remarks>
public sealed record SasSelectorOptions
{
    /// <summary>The family classifier (cross-entropy over the families).</summary>
    public NetworkSpec Classifier { get; init; } = new()
    {
        Kind = NetworkKind.Cnn1D,
        ConvChannels = [32, 64, 64],
        ConvKernels = [9, 7, 5],
        Pool = 2,
        BatchNorm = true,
        HiddenSizes = [128],
        Dropout = 0.1f,
    };

    /// <summary>Training of the classifier; its loss is always cross-entropy.</summary>
    public TrainingOptions ClassifierTraining { get; init; } = new()
    {
        Loss = TrainingLoss.CrossEntropy,
        Epochs = 50,
        BatchSize = 64,
        LearningRate = 2e-3f,
        WeightDecay = 1e-4f,
        CosineSchedule = true,
    };

    /// <summary>The size regressor of each family (one network per family, MSE on standardised log10 sizes).</summary>
    public NetworkSpec Regressor { get; init; } = new()
    {
        Kind = NetworkKind.Mlp,
        HiddenSizes = [128, 64],
        Dropout = 0.1f,
    };

    /// <summary>Training of each regressor; its loss is always mean squared error.</summary>
    public TrainingOptions RegressorTraining { get; init; } = new()
    {
        Loss = TrainingLoss.MeanSquaredError,
        Epochs = 60,
        BatchSize = 64,
        LearningRate = 2e-3f,
        WeightDecay = 1e-5f,
        CosineSchedule = true,
    };

    /// <summary>Monte-Carlo dropout passes behind each size's uncertainty; at least 2.</summary>
    public int MonteCarloSamples { get; init; } = 30;

    /// <summary>Fraction of each family's curves held back from its regressor to calibrate the dropout spread; 0 for none.</summary>
    /// <remarks>Raw MC-dropout spreads covered 32–83 % of held-out errors within 1σ instead of 68 %, so the spread of
    /// each size parameter is scaled to cover 68 % of the held-back curves.</remarks>
    public double CalibrationFraction { get; init; } = 0.1;

    /// <summary>libtorch threads while training (restored afterwards); 0 leaves the process setting alone.</summary>
    /// <remarks>On two busy cores these small networks trained several times faster on one thread than on two,
    /// because idle OpenMP threads spin while they wait for a core.</remarks>
    public int Threads { get; init; }

    /// <summary>Seeds the networks' initial weights and the minibatch order.</summary>
    public long Seed { get; init; }
}
