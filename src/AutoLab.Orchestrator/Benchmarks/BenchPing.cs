namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>Request used to measure MassTransit's raw request/response rate beside the loop.</summary>
public sealed record BenchPing
{
    /// <summary>Echoed in the answer.</summary>
    public required int Sequence { get; init; }
}
