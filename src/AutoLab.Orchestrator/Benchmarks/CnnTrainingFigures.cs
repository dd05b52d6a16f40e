namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>CNN training throughput of AutoLab's libtorch shim beside PyTorch on the same network and data.</summary>
/// <param name="Patterns">Training rows.</param>
/// <param name="InputLength">Points per pattern.</param>
/// <param name="Outputs">Output width (one per phase; cross-entropy against the fractions).</param>
/// <param name="Epochs">Epochs per run.</param>
/// <param name="BatchSize">Rows per minibatch.</param>
/// <param name="Threads">Intra-op threads of both.</param>
/// <param name="Device">Where both ran.</param>
/// <param name="ParameterCount">Trainable parameters of the network.</param>
/// <param name="AutoLabSamplesPerSecond">Median over the repeats, samples/s (optimisation loop only).</param>
/// <param name="AutoLabRuns">Each repeat's samples/s.</param>
/// <param name="AutoLabFinalLoss">Last epoch's mean loss of the last repeat.</param>
/// <param name="PyTorchSamplesPerSecond">PyTorch's median, samples/s; null when the peer was skipped.</param>
/// <param name="PyTorchRuns">Each PyTorch repeat's samples/s.</param>
/// <param name="PyTorchFinalLoss">PyTorch's last-epoch mean loss of the last repeat.</param>
/// <param name="PyTorchVersion">The peer's torch version.</param>
/// <param name="Ratio">AutoLab / PyTorch medians (issue 5 target ≥ 0.9); null when the peer was skipped.</param>
/// <param name="Target">The target ratio.</param>
/// <param name="PeerNote">Why the peer was skipped, or null.</param>
public sealed record CnnTrainingFigures(
    int Patterns,
    int InputLength,
    int Outputs,
    int Epochs,
    int BatchSize,
    int Threads,
    string Device,
    long ParameterCount,
    double AutoLabSamplesPerSecond,
    IReadOnlyList<double> AutoLabRuns,
    double AutoLabFinalLoss,
    double? PyTorchSamplesPerSecond,
    IReadOnlyList<double> PyTorchRuns,
    double? PyTorchFinalLoss,
    string? PyTorchVersion,
    double? Ratio,
    double Target,
    string? PeerNote);
