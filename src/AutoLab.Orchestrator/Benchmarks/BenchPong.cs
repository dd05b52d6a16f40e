namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>Answer to <see cref="BenchPing"/>.</summary>
public sealed record BenchPong
{
    /// <summary>The request's sequence.</summary>
    public required int Sequence { get; init; }
}
