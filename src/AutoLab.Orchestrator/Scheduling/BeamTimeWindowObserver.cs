using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.RunFolders;
using MassTransit;

namespace AutoLab.Orchestrator.Scheduling;

/// <summary>
/// Watches the campaign's completed measurements on the bus and halts the campaign gracefully (a
/// <see cref="HaltCampaign"/> from "schedule", as the wall-clock window end does) once its
/// <see cref="BeamTimeWindow"/> is used up.
/// </summary>
/// <remarks>
/// An observer rather than a consumer: the experiment saga in this process already consumes every
/// <see cref="MeasurementCompleted"/>, and observing after it consumed means the measurement is journaled
/// before it counts. The halt stops new experiments; those in flight finish and are journaled, so the
/// window can be overrun by the measurements already queued (at most one batch). Connected by
/// <see cref="CampaignPolicies.ScheduleAsync"/>.
/// </remarks>
public sealed class BeamTimeWindowObserver(IBus bus, TimeProvider clock, Guid campaignId, BeamTimeWindow window) : IConsumeMessageObserver<MeasurementCompleted>
{
    /// <summary>The window being counted.</summary>
    public BeamTimeWindow Window => window;

    /// <inheritdoc />
    public Task PreConsume(ConsumeContext<MeasurementCompleted> context) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PostConsume(ConsumeContext<MeasurementCompleted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        MeasurementCompleted measured = context.Message;
        if (measured.CampaignId != campaignId || !window.Record(measured.IdempotencyKey, TimeSpan.FromSeconds(SafeSeconds(measured.DurationSeconds))))
        {
            return Task.CompletedTask;
        }

        return bus.Publish(HaltMessage(campaignId, window, clock.GetUtcNow()));
    }

    /// <inheritdoc />
    public Task ConsumeFault(ConsumeContext<MeasurementCompleted> context, Exception exception) => Task.CompletedTask;

    /// <summary>The halt sent when the window is used up; its key names the window, so it is acted on once.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="window">The used-up window.</param>
    /// <param name="now">Timestamp of the message.</param>
    /// <returns>The message.</returns>
    public static HaltCampaign HaltMessage(Guid campaignId, BeamTimeWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        return new HaltCampaign
        {
            CampaignId = campaignId,
            IdempotencyKey = $"{campaignId:N}/beam-time-window-end/{window.End.Ticks}",
            Timestamp = now,
            Reason = $"beam-time window of {CampaignSummaryBeamTime.FormatHoursMinutesSeconds(window.Length)} used up: " +
                     $"{CampaignSummaryBeamTime.FormatHoursMinutesSeconds(window.Used)} of beam time used, " +
                     $"window {CampaignSummaryBeamTime.FormatHoursMinutesSeconds(window.Start)} to {CampaignSummaryBeamTime.FormatHoursMinutesSeconds(window.End)}",
            RequestedBy = "schedule",
        };
    }

    private static double SafeSeconds(double seconds) => double.IsFinite(seconds) && seconds > 0 ? seconds : 0;
}
