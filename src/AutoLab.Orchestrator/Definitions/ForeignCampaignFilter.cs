using AutoLab.Orchestrator.Hosting;
using MassTransit;

namespace AutoLab.Orchestrator.Definitions;

/// <summary>
/// Drops a saga-starting message (<c>StartCampaign</c>, <c>RecoverCampaign</c>, <c>StartExperiment</c>) that
/// belongs to another orchestrator's campaign, before the saga creates an instance for it.
/// </summary>
/// <remarks>
/// The orchestrator sends these messages to its own queues, but a few producers still publish them (the
/// Quartz start-at job, calibration measurements); on a shared broker every scoped saga queue gets a
/// copy, and without this filter each process would start the other's campaign or experiment. The
/// message is marked consumed, so MassTransit acknowledges it instead of moving it to a <c>_skipped</c> queue.
/// </remarks>
/// <typeparam name="T">The message type.</typeparam>
public sealed class ForeignCampaignFilter<T>(BusScope scope, Func<T, Guid> campaignOf) : IFilter<ConsumeContext<T>>
    where T : class
{
    /// <inheritdoc />
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next) =>
        scope.Owns(campaignOf(context.Message))
            ? next.Send(context)
            : context.NotifyConsumed(context, TimeSpan.Zero, "foreign-campaign");

    /// <inheritdoc />
    public void Probe(ProbeContext context) => context.CreateFilterScope("foreignCampaign");
}
