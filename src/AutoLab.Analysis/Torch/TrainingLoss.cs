namespace AutoLab.Analysis.Torch;

/// <summary>The training losses of the shim (AL_LOSS_* in autolab_torch.h).</summary>
public enum TrainingLoss
{
    /// <summary>Mean squared error; targets as wide as the outputs.</summary>
    MeanSquaredError = 0,

    /// <summary>Softmax cross-entropy against probability rows (one-hot for hard labels).</summary>
    CrossEntropy = 1,

    /// <summary>Sigmoid binary cross-entropy per output against entries in [0, 1].</summary>
    MultiLabel = 2,

    /// <summary>
    /// Outputs 2K, targets K phase fractions: presence logits by sigmoid BCE against
    /// (fraction &gt; <see cref="TrainingOptions.PresenceThreshold"/>), plus the softmax of the fraction
    /// logits by MSE against the fractions, weighted by <see cref="TrainingOptions.FractionWeight"/>.
    /// </summary>
    PresenceFraction = 3,
}
