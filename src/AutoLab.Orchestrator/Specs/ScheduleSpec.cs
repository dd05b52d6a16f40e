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

    /// <summary>
    /// Length of a beamtime window counted on the instruments' clock rather than the wall clock (the spec's
    /// <c>beam_time</c>, e.g. <c>8h</c>): the campaign is halted gracefully once its measurements have used
    /// this much beam time since the run (or resume) began, and each <c>autolab resume</c> opens a new window
    /// of the same length. In a virtual-clock dry run that is simulated time; null for no such window.
    /// </summary>
    /// <remarks>Beam time is the sum of the journaled measurement durations; see <c>docs/dry-run.md</c>.</remarks>
    public TimeSpan? BeamTime { get; init; }

    /// <summary>A measurement repeated on a fixed period to calibrate an instrument, or null for none.</summary>
    public CalibrationSpec? Calibration { get; init; }
}
