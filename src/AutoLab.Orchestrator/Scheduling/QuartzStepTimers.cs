using AutoLab.Contracts.Orchestration;
using Quartz;

namespace AutoLab.Orchestrator.Scheduling;

/// <summary>
/// <see cref="IStepTimers"/> on the orchestrator's Quartz scheduler: one job per experiment and
/// purpose, replaced when re-armed and deleted when the step answers.
/// </summary>
public sealed class QuartzStepTimers(ISchedulerFactory schedulers, TimeProvider clock) : IStepTimers
{
    const string TimeoutGroup = "step-timeout";
    const string RetryGroup = "step-retry";

    /// <inheritdoc />
    public Task ScheduleTimeoutAsync(StepTimedOut message, TimeSpan delay, CancellationToken cancellationToken) =>
        ScheduleAsync(new JobKey(message.ExperimentId.ToString("N"), TimeoutGroup), message, delay, cancellationToken);

    /// <inheritdoc />
    public async Task CancelTimeoutAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        IScheduler scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(new JobKey(experimentId.ToString("N"), TimeoutGroup), cancellationToken);
    }

    /// <inheritdoc />
    public Task ScheduleRetryAsync(RetryStep message, TimeSpan delay, CancellationToken cancellationToken) =>
        ScheduleAsync(new JobKey(message.ExperimentId.ToString("N"), RetryGroup), message, delay, cancellationToken);

    async Task ScheduleAsync(JobKey key, object message, TimeSpan delay, CancellationToken cancellationToken)
    {
        IScheduler scheduler = await schedulers.GetScheduler(cancellationToken);
        IJobDetail job = PublishMessageJob.Create(key, message);
        ITrigger trigger = TriggerBuilder.Create()
            .ForJob(key)
            .StartAt(clock.GetUtcNow() + delay)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
    }
}
