using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs.Validation;

/// <summary>Rules on the schedule: the window ends after it starts, a beam-time window has a positive length, calibration has a period and a measuring instrument.</summary>
internal static class ScheduleRules
{
    public static void Check(SpecRuleContext context)
    {
        if (context.Spec.Schedule is not { } schedule)
        {
            return;
        }

        if (schedule is { StartAt: { } start, WindowEnd: { } end } && end <= start)
        {
            context.Report("schedule.window_end", $"window_end {end:O} is not after start_at {start:O}");
        }

        if (schedule.BeamTime is { } beamTime && beamTime <= TimeSpan.Zero)
        {
            context.Report("schedule.beam_time", $"beam_time must be a positive duration such as 8h, found {beamTime.TotalSeconds}s");
        }

        if (schedule.Calibration is not { } calibration)
        {
            return;
        }

        if (calibration.Every <= TimeSpan.Zero)
        {
            context.Report("schedule.calibration.every", $"every must be a positive duration, found {calibration.Every.TotalSeconds}s");
        }

        if (string.IsNullOrWhiteSpace(calibration.Instrument))
        {
            context.Report("schedule.calibration.instrument", "the instrument name must not be empty");
        }
        else
        {
            CatalogChecks.Instrument(context, "schedule.calibration.instrument", calibration.Instrument, ExperimentStep.Measure);
        }
    }
}
