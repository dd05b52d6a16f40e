using AutoLab.Contracts.Orchestration;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace AutoLab.Instruments.Hosting;

/// <summary>Runs a step command once per idempotency key and publishes its outcome; shared by the two consumers.</summary>
internal static class StepOutcomePublisher
{
    public static async Task ServeAsync<T>(
        ConsumeContext context,
        IIdempotencyStore store,
        ILogger logger,
        ExperimentStep step,
        string instrument,
        string idempotencyKey,
        Func<CancellationToken, Task<StepOutcome<T>>> execute)
        where T : class
    {
        IdempotentExecution<T> execution;
        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            logger.LogWarning("{Step} command for instrument {Instrument} has no idempotency key; it runs without duplicate protection", step, instrument);
            execution = new IdempotentExecution<T>(await execute(context.CancellationToken), Replayed: false);
        }
        else
        {
            execution = await store.ExecuteOnceAsync(IdempotencyKeys.For(step, instrument, idempotencyKey), execute, context.CancellationToken);
        }

        if (execution.Replayed)
        {
            logger.LogInformation("{Step} {IdempotencyKey} on {Instrument} was already served; republishing its outcome", step, idempotencyKey, instrument);
        }

        if (execution.Outcome.Result is { } result)
        {
            await context.Publish(result, context.CancellationToken);
            return;
        }

        var fault = execution.Outcome.Fault!;
        logger.LogWarning("{Step} {IdempotencyKey} on {Instrument} faulted ({Kind}, retryable: {Retryable}): {Reason}", step, idempotencyKey, instrument, fault.Kind, fault.Retryable, fault.Reason);
        await context.Publish(fault, context.CancellationToken);
    }
}
