using System.Globalization;
using AutoLab.Contracts.Instruments;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.RunFolders;

/// <summary>
/// Beam time a campaign has used: the sum of its journaled measurement durations and of the durations of its
/// measure attempts that faulted, in total and per measuring instrument. In a virtual-clock dry run these are
/// the simulators' virtual seconds (latency plus counting), so an 8-hour simulated beamtime reads 8 h however
/// few host seconds it took.
/// </summary>
/// <remarks>
/// Each instrument keeps its own clock; beam time is defined as the measuring instruments' time, because the
/// beam is what a beamtime allocates (sample preparation happens beside it). A measure attempt that faulted
/// after exposing (a garbage reading, a hang) used the beam too: its <c>StepFaulted.DurationSeconds</c> counts,
/// once per attempt, as the beam-time window (<c>BeamTimeWindow</c>) counts it, so <c>summary.json</c> and the
/// window agree. See <c>docs/dry-run.md</c>.
/// <seealso cref="CampaignSummary.BeamTime"/>
/// </remarks>
public sealed record CampaignSummaryBeamTime
{
    /// <summary>Beam time used, in seconds (virtual seconds for simulated instruments on the virtual clock), faulted attempts included.</summary>
    public required double Seconds { get; init; }

    /// <summary>The same as hours and minutes, e.g. <c>08:00</c> (hours may exceed 24).</summary>
    public required string HoursMinutes { get; init; }

    /// <summary>Completed measurements counted (calibrations included).</summary>
    public required int Measurements { get; init; }

    /// <summary>Measure attempts that faulted (each attempt once), whether or not they used beam time.</summary>
    /// <remarks>Optional so that a summary written before faulted attempts were counted still reads (as 0).</remarks>
    public int FaultedAttempts { get; init; }

    /// <summary>Beam time of the faulted attempts, in seconds; included in <see cref="Seconds"/>.</summary>
    public double FaultedSeconds { get; init; }

    /// <summary>Beam time in seconds by measuring instrument name, faulted attempts included.</summary>
    public required IReadOnlyDictionary<string, double> ByInstrument { get; init; }

    /// <summary>Tallies measurements, each idempotency key once (a re-delivered measurement is not counted twice).</summary>
    /// <param name="measurements">Completed measurements of one campaign.</param>
    /// <returns>The tally.</returns>
    public static CampaignSummaryBeamTime Of(IEnumerable<MeasurementCompleted> measurements) => Of(measurements, []);

    /// <summary>
    /// Tallies measurements, each idempotency key once, and the measure attempts that faulted, each key and attempt
    /// once (the journal's key for a fault); faults of other steps are not beam time and are ignored.
    /// </summary>
    /// <param name="measurements">Completed measurements of one campaign.</param>
    /// <param name="faults">Step faults of the same campaign.</param>
    /// <returns>The tally.</returns>
    public static CampaignSummaryBeamTime Of(IEnumerable<MeasurementCompleted> measurements, IEnumerable<StepFaulted> faults)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(faults);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byInstrument = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double total = 0;
        foreach (MeasurementCompleted measured in measurements)
        {
            if (seen.Add(measured.IdempotencyKey))
            {
                total += Add(byInstrument, measured.Instrument, measured.DurationSeconds);
            }
        }

        var faulted = new HashSet<string>(StringComparer.Ordinal);
        double faultedSeconds = 0;
        foreach (StepFaulted fault in faults.Where(f => f.Step == ExperimentStep.Measure))
        {
            // The same key as the journal's and the window's (Scheduling.BeamTimeWindow.FaultKey), written out to keep RunFolders free of Scheduling.
            // A fault that used no time (a refusal, the saga's own time limit) adds no instrument entry of zero seconds.
            if (faulted.Add(string.Create(CultureInfo.InvariantCulture, $"{fault.IdempotencyKey}#{fault.Attempt}"))
                && double.IsFinite(fault.DurationSeconds) && fault.DurationSeconds > 0)
            {
                faultedSeconds += Add(byInstrument, fault.Instrument, fault.DurationSeconds);
            }
        }

        total += faultedSeconds;
        return new CampaignSummaryBeamTime
        {
            Seconds = total,
            HoursMinutes = FormatHoursMinutes(TimeSpan.FromSeconds(total)),
            Measurements = seen.Count,
            FaultedAttempts = faulted.Count,
            FaultedSeconds = faultedSeconds,
            ByInstrument = byInstrument,
        };
    }

    /// <summary>Equal when the totals, counts and per-instrument seconds are equal (the dictionary by content, so a summary read back from JSON equals the one written).</summary>
    /// <param name="other">The other tally.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(CampaignSummaryBeamTime? other) =>
        other is not null
        && Seconds.Equals(other.Seconds)
        && HoursMinutes == other.HoursMinutes
        && Measurements == other.Measurements
        && FaultedAttempts == other.FaultedAttempts
        && FaultedSeconds.Equals(other.FaultedSeconds)
        && ByInstrument.Count == other.ByInstrument.Count
        && ByInstrument.All(p => other.ByInstrument.TryGetValue(p.Key, out double seconds) && seconds.Equals(p.Value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Seconds, Measurements, ByInstrument.Count);

    private static double Add(SortedDictionary<string, double> byInstrument, string instrument, double duration)
    {
        double seconds = double.IsFinite(duration) ? Math.Max(0, duration) : 0;
        byInstrument[instrument] = byInstrument.GetValueOrDefault(instrument) + seconds;
        return seconds;
    }

    /// <summary>A duration as <c>hh:mm</c>, rounded to the nearest minute; hours are not wrapped at 24.</summary>
    /// <param name="time">The duration, not negative.</param>
    /// <returns>E.g. <c>08:00</c> or <c>27:15</c>.</returns>
    public static string FormatHoursMinutes(TimeSpan time)
    {
        long minutes = (long)Math.Round(Math.Max(0, time.TotalMinutes), MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");
    }

    /// <summary>A duration as <c>hh:mm:ss</c>, truncated to the second; hours are not wrapped at 24.</summary>
    /// <param name="time">The duration, not negative.</param>
    /// <returns>E.g. <c>08:00:35</c>.</returns>
    public static string FormatHoursMinutesSeconds(TimeSpan time)
    {
        long seconds = (long)Math.Floor(Math.Max(0, time.TotalSeconds));
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");
    }
}
