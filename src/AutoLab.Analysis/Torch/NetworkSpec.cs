namespace AutoLab.Analysis.Torch;

/// <summary>The architecture of a <see cref="TorchNetwork"/> (al_network_spec in autolab_torch.h).</summary>
/// <remarks>
/// <para>
/// CNN1D: the input (batch, <see cref="InputChannels"/>, <see cref="InputLength"/>) passes, for each conv block i,
/// Conv1d(in, ConvChannels[i], ConvKernels[i], padding = ConvKernels[i]/2) → [BatchNorm1d] → ReLU →
/// MaxPool1d(<see cref="Pool"/>); then Flatten and the MLP part. MLP: Linear → ReLU →
/// Dropout(<see cref="Dropout"/>) per hidden size, then Linear to <see cref="Outputs"/>. PyTorch's
/// module order and default initialisation (after manual_seed(<see cref="Seed"/>)), so a Python peer
/// builds the same network.
/// </para>
/// <para>A plain record, serialisable with System.Text.Json, so a model registry can store it beside the weights.</para>
/// </remarks>
public sealed record NetworkSpec
{
    /// <summary>MLP or CNN1D.</summary>
    public NetworkKind Kind { get; init; }

    /// <summary>Features per row (MLP) or points per pattern (CNN1D), at least 1.</summary>
    public int InputLength { get; init; }

    /// <summary>
    /// CNN1D: values per point (default 1). A row holds <see cref="InputLength"/> values of channel 0, then as many
    /// of channel 1, and so on; the first conv block reads them as separate input channels. An MLP has one.
    /// </summary>
    public int InputChannels { get; init; } = 1;

    /// <summary>Values per input row: <see cref="InputLength"/> × <see cref="InputChannels"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int InputWidth => InputLength * InputChannels;

    /// <summary>Output width (2K for <see cref="TrainingLoss.PresenceFraction"/> with K phases).</summary>
    public int Outputs { get; init; }

    /// <summary>CNN1D: output channels of each conv block.</summary>
    public IReadOnlyList<int> ConvChannels { get; init; } = [];

    /// <summary>CNN1D: odd kernel width of each conv block (as many as <see cref="ConvChannels"/>).</summary>
    public IReadOnlyList<int> ConvKernels { get; init; } = [];

    /// <summary>CNN1D: max-pool width after each conv block, at least 1.</summary>
    public int Pool { get; init; } = 2;

    /// <summary>CNN1D: BatchNorm1d after each conv.</summary>
    public bool BatchNorm { get; init; }

    /// <summary>Hidden layer widths of the MLP part (may be empty: a linear head).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [];

    /// <summary>Dropout probability after each hidden layer, in [0, 1).</summary>
    public float Dropout { get; init; }

    /// <summary>Seeds the initial weights.</summary>
    public long Seed { get; init; }

    /// <summary>Checks the spec before it reaches the shim.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the parameter name is the field's.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"unknown network kind {(int)Kind}", nameof(Kind));
        }

        if (InputLength < 1)
        {
            throw new ArgumentException($"must be >= 1, got {InputLength}", nameof(InputLength));
        }

        if (InputChannels < 1 || (Kind != NetworkKind.Cnn1D && InputChannels != 1))
        {
            throw new ArgumentException($"must be >= 1 for a CNN1D and 1 for an MLP, got {InputChannels}", nameof(InputChannels));
        }

        if (Outputs < 1)
        {
            throw new ArgumentException($"must be >= 1, got {Outputs}", nameof(Outputs));
        }

        if (!(Dropout >= 0f && Dropout < 1f))
        {
            throw new ArgumentException($"must be in [0, 1), got {Dropout}", nameof(Dropout));
        }

        if (HiddenSizes is null || HiddenSizes.Any(size => size < 1))
        {
            throw new ArgumentException("every hidden size must be >= 1", nameof(HiddenSizes));
        }

        if (Kind == NetworkKind.Cnn1D)
        {
            ValidateConvolutions();
        }
    }

    private void ValidateConvolutions()
    {
        if (ConvChannels is null || ConvChannels.Count == 0 || ConvChannels.Any(channels => channels < 1))
        {
            throw new ArgumentException("a CNN1D needs at least one conv block, each with >= 1 channels", nameof(ConvChannels));
        }

        if (ConvKernels is null || ConvKernels.Count != ConvChannels.Count)
        {
            throw new ArgumentException($"needs one kernel per conv block ({ConvChannels.Count})", nameof(ConvKernels));
        }

        if (ConvKernels.Any(kernel => kernel < 1 || kernel % 2 == 0))
        {
            throw new ArgumentException("every kernel must be odd and >= 1 (padding k/2 keeps the length)", nameof(ConvKernels));
        }

        if (Pool < 1)
        {
            throw new ArgumentException($"must be >= 1, got {Pool}", nameof(Pool));
        }

        long remaining = InputLength;
        for (int block = 0; block < ConvChannels.Count; block++)
        {
            remaining /= Pool;
        }

        if (remaining < 1)
        {
            throw new ArgumentException(
                $"{InputLength} points are too few for {ConvChannels.Count} max-pools of width {Pool}", nameof(InputLength));
        }
    }
}
