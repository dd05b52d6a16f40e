using AutoLab.Contracts.Orchestration;
using MassTransit;

namespace AutoLab.Orchestrator.Watch;

/// <summary>Feeds <see cref="CampaignWatch"/> from the campaign's published events.</summary>
public sealed class CampaignWatchConsumer(CampaignWatch watch) :
    IConsumer<ExperimentCompleted>,
    IConsumer<ExperimentFaulted>,
    IConsumer<CampaignEnded>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<ExperimentCompleted> context)
    {
        if (context.Message.Observation.Sequence == Scheduling.CalibrationJob.CalibrationSequence)
        {
            return Task.CompletedTask; // calibration measurements are not campaign experiments
        }

        watch.OnCompleted();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<ExperimentFaulted> context)
    {
        watch.OnFaulted(context.Message);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<CampaignEnded> context)
    {
        watch.OnEnded(context.Message);
        return Task.CompletedTask;
    }
}
