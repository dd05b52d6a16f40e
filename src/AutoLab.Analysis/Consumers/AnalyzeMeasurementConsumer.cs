using AutoLab.Analysis.Pipeline;
using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Orchestration;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace AutoLab.Analysis.Consumers;

/// <summary>
/// Runs the analysis pipeline on an <see cref="AnalyzeMeasurement"/> and publishes
/// <see cref="AnalysisCompleted"/>, or <see cref="StepFaulted"/> for the analyze step.
/// </summary>
/// <remarks>
/// Bad input or configuration (<see cref="AnalysisException"/>) becomes a non-retryable fault of kind
/// <see cref="StepFaultKind.BadOutput"/>; anything unexpected a retryable <see cref="StepFaultKind.DeviceError"/>.
/// The consumer never throws for either: the experiment saga decides about retries, and a thrown exception
/// would instead be retried by the bus and end in an error queue the saga never sees.
/// </remarks>
public sealed class AnalyzeMeasurementConsumer(
    AnalysisPipeline pipeline,
    TimeProvider clock,
    ILogger<AnalyzeMeasurementConsumer> logger) : IConsumer<AnalyzeMeasurement>
{
    /// <summary>This process as "host/process-id", sent with every result so a journal shows which worker did the analysis.</summary>
    public static string Worker { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <inheritdoc/>
    public async Task Consume(ConsumeContext<AnalyzeMeasurement> context)
    {
        AnalyzeMeasurement command = context.Message;
        AnalysisResult? result = null;
        StepFaultKind kind = StepFaultKind.BadOutput;
        string reason = "";
        try
        {
            // The pipeline is CPU-bound and synchronous; run on the thread pool so the transport's receive loop
            // can hand the next message to another worker (AnalysisOptions.Workers) instead of waiting for this one.
            result = await Task.Run(() => pipeline.Run(command), context.CancellationToken);
        }
        catch (AnalysisException ex)
        {
            reason = ex.Message;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Analysis of experiment {ExperimentId} ({IdempotencyKey}) failed unexpectedly", command.ExperimentId, command.IdempotencyKey);
            kind = StepFaultKind.DeviceError;
            reason = $"analysis failed unexpectedly: {ex.Message}";
        }

        if (result is null)
        {
            logger.LogWarning("Analysis of experiment {ExperimentId} ({IdempotencyKey}) faulted: {Reason}", command.ExperimentId, command.IdempotencyKey, reason);
            await context.Publish(new StepFaulted
            {
                CampaignId = command.CampaignId,
                ExperimentId = command.ExperimentId,
                IdempotencyKey = command.IdempotencyKey,
                Timestamp = clock.GetUtcNow(),
                Step = ExperimentStep.Analyze,
                Instrument = AnalysisEndpoints.QueueName,
                Attempt = command.Attempt,
                Kind = kind,
                Reason = reason,
                Retryable = kind != StepFaultKind.BadOutput,
            });
            return;
        }

        await context.Publish(new AnalysisCompleted
        {
            CampaignId = command.CampaignId,
            ExperimentId = command.ExperimentId,
            IdempotencyKey = command.IdempotencyKey,
            Timestamp = clock.GetUtcNow(),
            Objectives = result.Objectives,
            Uncertainties = result.Uncertainties,
            Diagnostics = result.Diagnostics,
            Data = result.Data,
            Worker = Worker,
        });
    }
}
