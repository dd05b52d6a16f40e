using AutoLab.Contracts.Orchestration;
using AutoLab.Orchestrator.Specs;
using MassTransit;
using Quartz;

namespace AutoLab.Orchestrator.Scheduling;

/// <summary>
/// Periodic calibration/reference measurement: starts an experiment with sequence 0 (which the
/// campaign does not count) that only measures, at the space's reference point, on the calibration
/// instrument. Its readings are journaled like any measurement.
/// </summary>
public sealed class CalibrationJob(IBus bus, TimeProvider clock) : IJob
{
    const string CampaignKey = "campaign";
    const string CalibrationKey = "calibration";
    const string PlanKey = "plan";

    /// <summary>Sequence number that marks calibration experiments in the journal.</summary>
    public const int CalibrationSequence = 0;

    /// <summary>Creates the job for a campaign.</summary>
    public static IJobDetail Create(JobKey key, Guid campaignId, CalibrationSpec calibration, CampaignPlan plan) =>
        JobBuilder.Create<CalibrationJob>()
            .WithIdentity(key)
            .UsingJobData(new JobDataMap { [CampaignKey] = campaignId, [CalibrationKey] = calibration, [PlanKey] = plan })
            .Build();

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var campaignId = (Guid)context.MergedJobDataMap[CampaignKey]!;
        var calibration = (CalibrationSpec)context.MergedJobDataMap[CalibrationKey]!;
        var plan = (CampaignPlan)context.MergedJobDataMap[PlanKey]!;
        var experimentId = NewId.NextGuid();
        StepPlan measure = plan.Steps.First(s => s.Step == ExperimentStep.Measure);
        await bus.Publish(new StartExperiment
        {
            CampaignId = campaignId,
            ExperimentId = experimentId,
            IdempotencyKey = experimentId.ToString("N"),
            Timestamp = clock.GetUtcNow(),
            Sequence = CalibrationSequence,
            Parameters = CampaignPolicies.ReferencePoint(plan),
            Steps = [measure with { Instrument = calibration.Instrument, Options = calibration.Options }],
            Envelope = plan.Envelope,
        }, cancellationToken);
    }
}
