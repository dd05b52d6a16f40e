using AutoLab.Contracts;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;
using AutoLab.Orchestrator.Specs;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AutoLab.Orchestrator.Scheduling;

/// <summary>
/// Time-based campaign policies from the spec's <c>schedule</c>, as Quartz jobs: start at a time,
/// halt gracefully at the end of a beamtime window (resumable), and periodic calibration measurements;
/// and a beamtime window counted in beam time on the instruments' clock (<see cref="BeamTimeWindow"/>),
/// which halts the campaign before its measurements would overrun it, virtual time in a dry run.
/// </summary>
public static class CampaignPolicies
{
    const string Group = "campaign-policy";

    /// <summary>Schedules the policies of <paramref name="schedule"/> (nothing when null).</summary>
    public static async Task ScheduleAsync(IServiceProvider services, Guid campaignId, ScheduleSpec? schedule, object startMessage, CancellationToken ct)
    {
        if (schedule is null)
        {
            return;
        }

        IScheduler scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        DateTimeOffset now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (schedule.StartAt is { } startAt && startMessage is StartCampaign start)
        {
            Console.WriteLine($"campaign starts at {startAt:u} (Quartz); waiting");
            await ScheduleOnceAsync(scheduler, "start", start, startAt, ct);
        }

        if (schedule.WindowEnd is { } passed && passed <= now)
        {
            // A resumed campaign carries its old window; one that has passed must not halt it again.
            Console.WriteLine($"note: the beamtime window ended at {passed:u}; not scheduling a halt");
        }
        else if (schedule.WindowEnd is { } windowEnd)
        {
            var halt = new HaltCampaign
            {
                CampaignId = campaignId,
                IdempotencyKey = $"{campaignId:N}/window-end",
                Timestamp = windowEnd,
                Reason = $"beamtime window ended at {windowEnd:u}",
                RequestedBy = "schedule",
            };
            await ScheduleOnceAsync(scheduler, "window-end", halt, windowEnd, ct);
        }

        if (schedule.BeamTime is { } beamTime)
        {
            await WatchBeamTimeAsync(services, campaignId, beamTime, ct);
        }

        if (schedule.Calibration is { } calibration && CalibrationPlan(startMessage) is { } plan)
        {
            IJobDetail job = CalibrationJob.Create(new JobKey("calibration", Group), campaignId, calibration, plan);
            ITrigger trigger = TriggerBuilder.Create()
                .StartAt(now + calibration.Every)
                .WithSimpleSchedule(s => s.WithInterval(calibration.Every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
        }
    }

    /// <summary>
    /// Opens a beam-time window at the beam time the journal already holds for the campaign (zero for a new
    /// run; earlier windows' use on resume, faulted measure attempts included) and connects the observer that
    /// halts the campaign before the window would be overrun.
    /// </summary>
    static async Task WatchBeamTimeAsync(IServiceProvider services, Guid campaignId, TimeSpan length, CancellationToken ct)
    {
        var measured = new List<MeasurementCompleted>();
        var faults = new List<StepFaulted>();
        await foreach (JournalEntry entry in services.GetRequiredService<ICampaignJournal>().ReadAllAsync(ct))
        {
            if (entry.CampaignId != campaignId)
            {
                continue;
            }

            if (entry.Kind == JournalKinds.MeasurementCompleted)
            {
                measured.Add(entry.ReadPayload<MeasurementCompleted>());
            }
            else if (entry.Kind == JournalKinds.StepFaulted && entry.ReadPayload<StepFaulted>() is { Step: ExperimentStep.Measure } fault)
            {
                faults.Add(fault);
            }
        }

        CampaignSummaryBeamTime used = CampaignSummaryBeamTime.Of(measured, faults);
        IEnumerable<string> counted = measured.Select(m => m.IdempotencyKey).Concat(faults.Select(f => BeamTimeWindow.FaultKey(f.IdempotencyKey, f.Attempt)));
        var window = new BeamTimeWindow(
            length,
            TimeSpan.FromSeconds(used.Seconds),
            counted,
            used.Measurements,
            TimeSpan.FromSeconds(Math.Max(0, used.Seconds - used.FaultedSeconds)));
        var observer = new BeamTimeWindowObserver(services.GetRequiredService<IBus>(), services.GetRequiredService<TimeProvider>(), campaignId, window);
        // The handles live as long as the bus: the host is built for this one campaign run and disposed after it.
        observer.ConnectTo(services.GetRequiredService<IBus>());
        Console.WriteLine($"beam-time window: {CampaignSummaryBeamTime.FormatHoursMinutesSeconds(length)} of beam time, " +
                          $"from {CampaignSummaryBeamTime.FormatHoursMinutesSeconds(window.Start)} to {CampaignSummaryBeamTime.FormatHoursMinutesSeconds(window.End)} (instrument clock)");
    }

    static CampaignPlan? CalibrationPlan(object startMessage) => startMessage switch
    {
        StartCampaign s => s.Plan,
        RecoverCampaign r => r.Plan,
        _ => null,
    };

    static async Task ScheduleOnceAsync(IScheduler scheduler, string name, object message, DateTimeOffset at, CancellationToken ct)
    {
        var key = new JobKey(name, Group);
        ITrigger trigger = TriggerBuilder.Create().ForJob(key).StartAt(at).WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        await scheduler.ScheduleJob(PublishMessageJob.Create(key, message), [trigger], ScheduleJobOptions.Replacing, ct);
    }

    /// <summary>The reference point a calibration measures at: the centre of each numeric range, the first choice of each category.</summary>
    public static ParameterPoint ReferencePoint(CampaignPlan plan) => new()
    {
        Values = plan.Space.Where(p => p.Kind != ParameterKind.Categorical)
            .ToDictionary(p => p.Name, p => p.Kind == ParameterKind.Integer ? Math.Round((p.Lower + p.Upper) / 2) : (p.Lower + p.Upper) / 2),
        Choices = plan.Space.Where(p => p.Kind == ParameterKind.Categorical && p.Choices.Count > 0)
            .ToDictionary(p => p.Name, p => p.Choices[0]),
    };
}
