namespace AutoLab.Orchestrator.Specs;

/// <summary>
/// The <c>schedule</c> section: when the campaign starts, when its window (e.g. beamtime) ends, and
/// a periodic calibration. Served by the orchestrator's Quartz jobs; not part of the campaign plan.
/// </summary>
public sealed record ScheduleSpec
{
    /// <summary>When to start the campaign (UTC offset as written); null to start at once.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>When the window ends: the campaign is halted gracefully then and stays resumable; null for no end.</summary>
    public DateTimeOffset? WindowEnd { get; init; }

    /// <summary>A measurement repeated on a fixed period to calibrate an instrument, or null for none.</summary>
    public CalibrationSpec? Calibration { get; init; }
}
