using System.Globalization;
using AutoLab.Contracts.Instruments;

namespace AutoLab.Orchestrator.RunFolders;

/// <summary>
/// Beam time a campaign has used: the sum of its journaled measurement durations, in total and per measuring
/// instrument. In a virtual-clock dry run these are the simulators' virtual seconds (latency plus counting),
/// so an 8-hour simulated beamtime reads 8 h however few host seconds it took.
/// </summary>
/// <remarks>
/// Each instrument keeps its own clock; beam time is defined as the measuring instruments' time, because the
/// beam is what a beamtime allocates (sample preparation happens beside it). Only completed measurements
/// count: a faulted attempt's time is not journaled. See <c>docs/dry-run.md</c>.
/// <seealso cref="CampaignSummary.BeamTime"/>
/// </remarks>
public sealed record CampaignSummaryBeamTime
{
    /// <summary>Beam time used, in seconds (virtual seconds for simulated instruments on the virtual clock).</summary>
    public required double Seconds { get; init; }

    /// <summary>The same as hours and minutes, e.g. <c>08:00</c> (hours may exceed 24).</summary>
    public required string HoursMinutes { get; init; }

    /// <summary>Completed measurements counted (calibrations included).</summary>
    public required int Measurements { get; init; }

    /// <summary>Beam time in seconds by measuring instrument name.</summary>
    public required IReadOnlyDictionary<string, double> ByInstrument { get; init; }

    /// <summary>Tallies measurements, each idempotency key once (a re-delivered measurement is not counted twice).</summary>
    /// <param name="measurements">Completed measurements of one campaign.</param>
    /// <returns>The tally.</returns>
    public static CampaignSummaryBeamTime Of(IEnumerable<MeasurementCompleted> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byInstrument = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double total = 0;
        foreach (MeasurementCompleted measured in measurements)
        {
            if (!seen.Add(measured.IdempotencyKey))
            {
                continue;
            }

            double seconds = double.IsFinite(measured.DurationSeconds) ? Math.Max(0, measured.DurationSeconds) : 0;
            total += seconds;
            byInstrument[measured.Instrument] = byInstrument.GetValueOrDefault(measured.Instrument) + seconds;
        }

        return new CampaignSummaryBeamTime
        {
            Seconds = total,
            HoursMinutes = FormatHoursMinutes(TimeSpan.FromSeconds(total)),
            Measurements = seen.Count,
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
        && ByInstrument.Count == other.ByInstrument.Count
        && ByInstrument.All(p => other.ByInstrument.TryGetValue(p.Key, out double seconds) && seconds.Equals(p.Value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Seconds, Measurements, ByInstrument.Count);

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
