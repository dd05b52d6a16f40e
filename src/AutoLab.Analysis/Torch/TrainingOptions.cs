namespace AutoLab.Analysis.Torch;

/// <summary>How <see cref="TorchNetwork.Train"/> optimises: Adam over shuffled minibatches.</summary>
/// <remarks>Maps onto al_train_options (autolab_torch.h).</remarks>
public sealed record TrainingOptions
{
    /// <summary>The loss, which also fixes the targets' width.</summary>
    public TrainingLoss Loss { get; init; }

    /// <summary>Passes over the data, at least 1.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Rows per minibatch, at least 1.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam's (initial) learning rate, &gt; 0.</summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>Adam's L2 weight decay, &gt;= 0.</summary>
    public float WeightDecay { get; init; }

    /// <summary>Whether the learning rate follows a cosine from <see cref="LearningRate"/> down to 5% of it.</summary>
    public bool CosineSchedule { get; init; } = true;

    /// <summary>Weight of the fraction term of <see cref="TrainingLoss.PresenceFraction"/>.</summary>
    public float FractionWeight { get; init; } = 1f;

    /// <summary>Fraction above which a phase counts as present, for <see cref="TrainingLoss.PresenceFraction"/>.</summary>
    public float PresenceThreshold { get; init; } = 0.02f;

    /// <summary>Seeds minibatch shuffling and dropout masks.</summary>
    public long Seed { get; init; }
}
