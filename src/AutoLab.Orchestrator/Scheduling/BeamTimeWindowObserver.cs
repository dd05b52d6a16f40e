using System.Collections.Concurrent;
using AutoLab.Contracts;
using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.RunFolders;
using MassTransit;

namespace AutoLab.Orchestrator.Scheduling;

/// <summary>
/// Watches the campaign's experiments on the bus, feeds its <see cref="BeamTimeWindow"/> and halts the campaign
/// gracefully (a <see cref="HaltCampaign"/> from "schedule", as the wall-clock window end does) as soon as the
/// window's rule says the next measurement would not fit.
/// </summary>
/// <remarks>
/// <para>An observer rather than a consumer: the sagas in this process already consume every message it needs.
/// It counts each message before the saga acts on it (<c>PreConsume</c>), because acting is what moves the
/// campaign on: the experiment saga turns a last fault into <see cref="ExperimentFaulted"/>, and the campaign saga
/// starts the next experiment on it. Counting first keeps the window current before that next start is seen, so
/// the halt is neither late nor, through a stale in-flight count, early. A message the saga then ignores (a
/// re-delivery, a stale attempt's answer) still stated beam the instrument used; keys keep it counted once.
/// What it sees: <see cref="SuggestExperiments"/> as it is sent (see <see cref="PreSend{T}(SendContext{T})"/>),
/// <see cref="StartExperiment"/> as it is sent or published (its measurement is in flight from then), <see cref="MeasurementCompleted"/>,
/// <see cref="StepFaulted"/> of the measure step (its <see cref="StepFaulted.DurationSeconds"/> counted once per
/// attempt; a fault with no retry to follow ends the measurement), and <see cref="ExperimentCompleted"/> /
/// <see cref="ExperimentFaulted"/> (the experiment is no longer in flight, whatever step it ended at).</para>
/// <para>The halt stops new experiments; those in flight finish and are journaled. Because the window halts when
/// the next measurement is not expected to fit, the measurements in flight are expected to end inside it; the
/// limits of that expectation are on <see cref="BeamTimeWindow"/>. Faults the experiment saga raises itself
/// (a step's time limit, a refusal before sending) are not published and carry no duration; such an
/// experiment stays in flight until it ends, which errs towards halting early. Connected by <see cref="CampaignPolicies.ScheduleAsync"/>
/// through <see cref="ConnectTo"/>.</para>
/// </remarks>
public sealed partial class BeamTimeWindowObserver(IBus bus, TimeProvider clock, Guid campaignId, BeamTimeWindow window) :
    IConsumeMessageObserver<MeasurementCompleted>,
    IConsumeMessageObserver<StepFaulted>,
    IConsumeMessageObserver<StartExperiment>,
    IConsumeMessageObserver<ExperimentCompleted>,
    IConsumeMessageObserver<ExperimentFaulted>,
    IConsumeMessageObserver<ExperimentsSuggested>,
    IConsumeMessageObserver<HaltCampaign>
{
    // How long a message that could start experiments waits for the halt to be applied before it goes on anyway: long
    // enough for a loaded host to deliver one message, short enough that a halt that never arrives costs little.
    private static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(2);

    // Attempts allowed for each started experiment's measure step, to tell a fault that will be retried from the last one.
    private readonly ConcurrentDictionary<Guid, int> _measureAttempts = new();
    private readonly TaskCompletionSource _haltApplied = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _haltSent;

    /// <summary>The window being counted.</summary>
    public BeamTimeWindow Window => window;

    /// <summary>Connects this observer to <paramref name="bus"/> for every message type it watches, and to its sends.</summary>
    /// <param name="bus">The bus.</param>
    /// <returns>The handles; they live as long as the bus when not disconnected.</returns>
    public IReadOnlyList<ConnectHandle> ConnectTo(IBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        return
        [
            bus.ConnectConsumeMessageObserver<StartExperiment>(this),
            bus.ConnectConsumeMessageObserver<MeasurementCompleted>(this),
            bus.ConnectConsumeMessageObserver<StepFaulted>(this),
            bus.ConnectConsumeMessageObserver<ExperimentCompleted>(this),
            bus.ConnectConsumeMessageObserver<ExperimentFaulted>(this),
            bus.ConnectConsumeMessageObserver<ExperimentsSuggested>(this),
            bus.ConnectConsumeMessageObserver<HaltCampaign>(this),
            bus.ConnectSendObserver(this),
            bus.ConnectPublishObserver(this),
        ];
    }

    /// <inheritdoc />
    public Task PreConsume(ConsumeContext<StartExperiment> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Usually already counted as it left; a start from another process is counted here.
        return OnStart(context.Message);
    }

    /// <inheritdoc />
    public Task PostConsume(ConsumeContext<StartExperiment> context) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ConsumeFault(ConsumeContext<StartExperiment> context, Exception exception) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PostConsume(ConsumeContext<MeasurementCompleted> context) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PreConsume(ConsumeContext<MeasurementCompleted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        MeasurementCompleted measured = context.Message;
        if (measured.CampaignId != campaignId)
        {
            return Task.CompletedTask;
        }

        _measureAttempts.TryRemove(measured.ExperimentId, out _);
        return HaltIf(window.RecordMeasurement(measured.ExperimentId, measured.IdempotencyKey, Seconds(measured.DurationSeconds)));
    }

    /// <inheritdoc />
    public Task ConsumeFault(ConsumeContext<MeasurementCompleted> context, Exception exception) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PostConsume(ConsumeContext<StepFaulted> context) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PreConsume(ConsumeContext<StepFaulted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        StepFaulted fault = context.Message;
        if (fault.CampaignId != campaignId || fault.Step != ExperimentStep.Measure)
        {
            return Task.CompletedTask;
        }

        // Unknown attempts (the start was not seen) keep the measurement in flight until the experiment ends: early, not late.
        bool final = !fault.Retryable || (_measureAttempts.TryGetValue(fault.ExperimentId, out int attempts) && fault.Attempt >= attempts);
        return HaltIf(window.RecordFault(fault.ExperimentId, fault.IdempotencyKey, fault.Attempt, Seconds(fault.DurationSeconds), final));
    }

    /// <inheritdoc />
    public Task ConsumeFault(ConsumeContext<StepFaulted> context, Exception exception) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PostConsume(ConsumeContext<ExperimentCompleted> context) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PreConsume(ConsumeContext<ExperimentCompleted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Finish(context.Message.CampaignId, context.Message.ExperimentId);
        return HoldUntilHalted(context.Message.CampaignId);
    }

    /// <inheritdoc />
    public Task ConsumeFault(ConsumeContext<ExperimentCompleted> context, Exception exception) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PostConsume(ConsumeContext<ExperimentFaulted> context) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PreConsume(ConsumeContext<ExperimentFaulted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Finish(context.Message.CampaignId, context.Message.ExperimentId);
        return HoldUntilHalted(context.Message.CampaignId);
    }

    /// <inheritdoc />
    public Task ConsumeFault(ConsumeContext<ExperimentFaulted> context, Exception exception) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PreConsume(ConsumeContext<ExperimentsSuggested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HoldUntilHalted(context.Message.CampaignId);
    }

    /// <inheritdoc />
    public Task PostConsume(ConsumeContext<ExperimentsSuggested> context) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ConsumeFault(ConsumeContext<ExperimentsSuggested> context, Exception exception) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PreConsume(ConsumeContext<HaltCampaign> context) => Task.CompletedTask;

    /// <summary>Any halt of this campaign that has been consumed (ours, Ctrl+C, a wall-clock window) stops new starts: held messages go on.</summary>
    /// <param name="context">The consumed halt.</param>
    /// <returns>A completed task.</returns>
    public Task PostConsume(ConsumeContext<HaltCampaign> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Message.CampaignId == campaignId)
        {
            _haltApplied.TrySetResult();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ConsumeFault(ConsumeContext<HaltCampaign> context, Exception exception)
    {
        // A halt the campaign failed to consume will not be applied by waiting: release what is held.
        _haltApplied.TrySetResult();
        return Task.CompletedTask;
    }

    /// <summary>The halt sent when the window's rule says so; its key names the window, so it is acted on once.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="window">The window.</param>
    /// <param name="now">Timestamp of the message.</param>
    /// <returns>The message; its reason says whether the window is used up or the next measurement would not fit.</returns>
    public static HaltCampaign HaltMessage(Guid campaignId, BeamTimeWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        TimeSpan used = window.Used;
        string span = $"window {Format(window.Start)} to {Format(window.End)}";
        string reason = used >= window.End || window.Estimate is not { } estimate
            ? $"beam-time window of {Format(window.Length)} used up: {Format(used)} of beam time used, {span}"
            : $"beam-time window of {Format(window.Length)} has no room for more measurements: {Format(used)} of beam time used, " +
              $"{window.InFlight} in flight, about {Format(estimate)} each, {span}";
        return new HaltCampaign
        {
            CampaignId = campaignId,
            IdempotencyKey = $"{campaignId:N}/beam-time-window-end/{window.End.Ticks}",
            Timestamp = now,
            Reason = reason,
            RequestedBy = "schedule",
        };
    }

    private Task OnStart(StartExperiment start)
    {
        // A restarted experiment whose measurement is journaled only analyses; one with no measure step uses no beam.
        StepPlan? measure = start.Steps.FirstOrDefault(s => s.Step == ExperimentStep.Measure);
        if (start.CampaignId != campaignId || start.Measurement is not null || measure is null)
        {
            return Task.CompletedTask;
        }

        _measureAttempts[start.ExperimentId] = Math.Max(1, measure.MaxAttempts);
        return HaltIf(window.Started(start.ExperimentId));
    }

    private void Finish(Guid campaign, Guid experimentId)
    {
        if (campaign == campaignId)
        {
            _measureAttempts.TryRemove(experimentId, out _);
            window.Finished(experimentId);
        }
    }

    private Task HaltIf(bool due)
    {
        if (!due)
        {
            return Task.CompletedTask;
        }

        Volatile.Write(ref _haltSent, 1);
        return bus.Publish(HaltMessage(campaignId, window, clock.GetUtcNow()));
    }

    /// <summary>
    /// Holds a message that lets the campaign start experiments (an experiment's end, a suggestion reply) until the
    /// halt sent for the window has been consumed, at most <see cref="HoldLimit"/>.
    /// </summary>
    /// <remarks>
    /// The halt is a message: the campaign saga takes its messages concurrently, one at a time per campaign, in no
    /// promised order, so a reply or an experiment's end that arrives after the halt was sent could still be handled
    /// first and start one more experiment past the window. Observers run before the saga takes the campaign, so
    /// holding here lets the halt go first. The wait is on the system clock on purpose: a test's fake clock must not
    /// turn a bounded wait into a hang.
    /// </remarks>
    private Task HoldUntilHalted(Guid campaign) =>
        campaign == campaignId && Volatile.Read(ref _haltSent) == 1 && !_haltApplied.Task.IsCompleted
            ? HoldAsync()
            : Task.CompletedTask;

    private async Task HoldAsync()
    {
        try
        {
            await _haltApplied.Task.WaitAsync(HoldLimit, TimeProvider.System);
        }
        catch (TimeoutException)
        {
            // The halt did not arrive in time (another process consumes it, or the campaign has ended): go on as before.
        }
    }

    private static string Format(TimeSpan time) => CampaignSummaryBeamTime.FormatHoursMinutesSeconds(time);

    private static TimeSpan Seconds(double seconds) => double.IsFinite(seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
}
