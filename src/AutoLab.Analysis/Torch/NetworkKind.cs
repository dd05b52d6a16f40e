namespace AutoLab.Analysis.Torch;

/// <summary>The network families of the shim (AL_NET_* in autolab_torch.h).</summary>
public enum NetworkKind
{
    /// <summary>Linear → ReLU → Dropout per hidden layer, then a linear output layer.</summary>
    Mlp = 0,

    /// <summary>Conv1d blocks (optional batch norm, ReLU, max-pool) over a 1-D pattern, then the MLP part.</summary>
    Cnn1D = 1,
}
