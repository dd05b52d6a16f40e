using MassTransit;
using Quartz;

namespace AutoLab.Orchestrator.Scheduling;

/// <summary>A Quartz job that publishes one message on the bus when it fires.</summary>
/// <remarks>The message object lives in the job's data map; the orchestrator uses Quartz's in-memory store.</remarks>
public sealed class PublishMessageJob(IBus bus) : IJob
{
    const string MessageKey = "message";

    /// <summary>A durable-less job that will publish <paramref name="message"/>.</summary>
    public static IJobDetail Create(JobKey key, object message)
    {
        var data = new JobDataMap { [MessageKey] = message };
        return JobBuilder.Create<PublishMessageJob>().WithIdentity(key).UsingJobData(data).Build();
    }

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        object message = context.MergedJobDataMap[MessageKey]
            ?? throw new InvalidOperationException($"job {context.JobDetail.Key} has no message to publish");
        await bus.Publish(message, message.GetType(), cancellationToken);
    }
}
