using MassTransit;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>Answers <see cref="BenchPing"/> at once.</summary>
public sealed class BenchPingConsumer : IConsumer<BenchPing>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<BenchPing> context) =>
        context.RespondAsync(new BenchPong { Sequence = context.Message.Sequence });
}
