namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>Inference latency and throughput of the phase-identification CNN, alone and as an ensemble.</summary>
/// <param name="Device">Where it ran.</param>
/// <param name="Threads">Intra-op threads.</param>
/// <param name="InputLength">Points per pattern.</param>
/// <param name="Outputs">Output width (presence and fraction logits).</param>
/// <param name="EnsembleSize">Members of the ensemble.</param>
/// <param name="BatchSize">Patterns per batched call.</param>
/// <param name="SingleMicroseconds">Median latency of one single-pattern prediction of one network, µs.</param>
/// <param name="BatchPatternsPerSecond">One network's throughput in batches of <paramref name="BatchSize"/>, patterns/s (median call).</param>
/// <param name="EnsembleSingleMicroseconds">Median latency of one pattern through every member in turn, µs.</param>
/// <param name="EnsembleBatchPatternsPerSecond">The ensemble's throughput in batches (every member per batch), patterns/s.</param>
public sealed record InferenceFigures(
    string Device,
    int Threads,
    int InputLength,
    int Outputs,
    int EnsembleSize,
    int BatchSize,
    double SingleMicroseconds,
    double BatchPatternsPerSecond,
    double EnsembleSingleMicroseconds,
    double EnsembleBatchPatternsPerSecond);
