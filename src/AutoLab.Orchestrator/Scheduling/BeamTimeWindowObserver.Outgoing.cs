using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;
using MassTransit;

namespace AutoLab.Orchestrator.Scheduling;

/// <summary>The outgoing side of the observer: the campaign's own starts and suggestion requests as they leave this process.</summary>
public sealed partial class BeamTimeWindowObserver : ISendObserver, IPublishObserver
{
    /// <summary>
    /// Sees the campaign's commands as they leave: a <see cref="StartExperiment"/> (sent by a scoped orchestrator)
    /// puts its measurement in flight, and a <see cref="SuggestExperiments"/> request (wherever the strategy runs)
    /// halts the campaign now when the experiments it asks for, which the campaign will start together, would not
    /// all fit.
    /// </summary>
    /// <remarks>
    /// Counting at the send, not when the experiment saga receives it, matters in a dry run where answers come in
    /// milliseconds: the campaign sends a start and the request for the next suggestion together, and the halt
    /// must be on its way before that suggestion can come back.
    /// </remarks>
    /// <typeparam name="T">The message type sent.</typeparam>
    /// <param name="context">The send.</param>
    /// <returns>A task that completes when the halt (if any) is published.</returns>
    public Task PreSend<T>(SendContext<T> context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Message switch
        {
            StartExperiment start => OnStart(start),
            SuggestExperiments request when request.CampaignId == campaignId => HaltIf(window.Requested(request.Count, request.Pending.Count)),
            _ => Task.CompletedTask,
        };
    }

    /// <inheritdoc />
    public Task PostSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    /// <inheritdoc />
    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    /// <summary>Sees a published <see cref="StartExperiment"/> (an unscoped orchestrator, a calibration) as it leaves; see <see cref="PreSend{T}(SendContext{T})"/>.</summary>
    /// <typeparam name="T">The message type published.</typeparam>
    /// <param name="context">The publish.</param>
    /// <returns>A task that completes when the halt (if any) is published.</returns>
    public Task PrePublish<T>(PublishContext<T> context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Message is StartExperiment start ? OnStart(start) : Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task PostPublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    /// <inheritdoc />
    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
