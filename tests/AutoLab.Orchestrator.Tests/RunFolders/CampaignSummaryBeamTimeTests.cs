using AutoLab.Contracts.Instruments;
using AutoLab.Orchestrator.Journal;
using AutoLab.Orchestrator.RunFolders;

namespace AutoLab.Orchestrator.Tests.RunFolders;

/// <summary>Beam time in the summary: journaled measurement durations summed per instrument, each measurement once, shown as seconds and hh:mm.</summary>
public sealed class CampaignSummaryBeamTimeTests
{
    const double Tolerance = 1e-9;

    [Fact]
    public void Durations_are_summed_per_instrument_and_a_redelivery_is_counted_once()
    {
        MeasurementCompleted[] measured =
        [
            Measured("a/measure", "saxs", 120), Measured("b/measure", "saxs", 120), Measured("a/measure", "saxs", 120),
            Measured("c/measure", "xrd", 600), Measured("d/measure", "xrd", double.NaN),
        ];

        CampaignSummaryBeamTime beam = CampaignSummaryBeamTime.Of(measured);

        Assert.Equal(840, beam.Seconds, Tolerance);
        Assert.Equal("00:14", beam.HoursMinutes);
        Assert.Equal(4, beam.Measurements);
        Assert.Equal(240, beam.ByInstrument["saxs"], Tolerance);
        Assert.Equal(600, beam.ByInstrument["xrd"], Tolerance);
    }

    [Theory]
    [InlineData(28800, "08:00", "08:00:00")]
    [InlineData(29280, "08:08", "08:08:00")]
    [InlineData(98130.5, "27:16", "27:15:30")]
    [InlineData(0, "00:00", "00:00:00")]
    public void Beam_time_reads_as_hours_and_minutes_beyond_a_day(double seconds, string hoursMinutes, string hoursMinutesSeconds)
    {
        Assert.Equal(hoursMinutes, CampaignSummaryBeamTime.FormatHoursMinutes(TimeSpan.FromSeconds(seconds)));
        Assert.Equal(hoursMinutesSeconds, CampaignSummaryBeamTime.FormatHoursMinutesSeconds(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void The_beam_time_survives_a_round_trip_through_json_and_is_described_in_one_line()
    {
        CampaignSummaryBeamTime beam = CampaignSummaryBeamTime.Of([Measured("a/measure", "saxs", 28800)]);

        string json = System.Text.Json.JsonSerializer.Serialize(beam, JournalSerializer.IndentedOptions);

        Assert.Equal(beam, JournalSerializer.Deserialize<CampaignSummaryBeamTime>(json));
        Assert.Contains("\"hoursMinutes\": \"08:00\"", json, StringComparison.Ordinal);
        Assert.Equal("08:00 (28800 s) over 1 measurements; saxs 28800 s", CampaignSummaryWriter.DescribeBeamTime(beam));
    }

    static MeasurementCompleted Measured(string key, string instrument, double seconds) => new()
    {
        CampaignId = Guid.Empty,
        ExperimentId = Guid.NewGuid(),
        IdempotencyKey = key,
        Timestamp = DateTimeOffset.UnixEpoch,
        Instrument = instrument,
        DurationSeconds = seconds,
    };
}
