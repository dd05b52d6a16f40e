using System.Text.Json;
using AutoLab.IntegrationTests.Support;

namespace AutoLab.IntegrationTests;

/// <summary>
/// A dry run on the virtual clock with a beam-time window (in-memory transport, simulated SAXS camera): the
/// window ends mid-campaign, the campaign halts with nothing lost and reports the simulated beam time, and
/// <c>autolab resume</c> opens a new window and completes it.
/// </summary>
public sealed class BeamtimeDryRunTests
{
    // 30 s of set-up plus 5 s of counting per spot, all virtual: no jitter, so each spot is exactly 35 s.
    const double SecondsPerSpot = 35;
    const int Budget = 16;
    const int Batch = 4;
    // A 6-minute window: the 11th spot (385 s) is the first to reach it; at most one batch is in flight then.
    const double WindowSeconds = 360;
    const int FirstToReachWindow = 11;
    // Durations are stated in whole 100 ns ticks; sums of 35 s are exact, so this only guards rounding in JSON.
    const double BeamTimeTolerance = 1e-6;

    [Fact]
    public async Task A_virtual_window_halts_mid_campaign_with_nothing_lost_and_resume_completes_it()
    {
        string spec = SpecFiles.Write("beamtime", Spec());
        RunFolderFiles run = RunFolderFiles.NewTemp("beamtime");

        AutoLabCommand.Result halted = await AutoLabCommand.RunAsync(["run", spec, "--out", run.Root]);

        Assert.True(halted.ExitCode == 0, halted.ToString());
        Assert.Contains("beam-time window: 00:06:00 of beam time, from 00:00:00 to 00:06:00", halted.Output, StringComparison.Ordinal);
        JsonElement first = run.Summary();
        Assert.Equal("Halted", first.GetProperty("status").GetString());
        Assert.Contains("beam-time window of 00:06:00 used up", first.GetProperty("reason").GetString(), StringComparison.Ordinal);
        int completed = first.GetProperty("experimentsCompleted").GetInt32();
        Assert.InRange(completed, FirstToReachWindow, FirstToReachWindow + Batch);
        // Nothing lost: every experiment started was finished and journaled before the process left.
        Assert.Equal(0, first.GetProperty("experimentsInFlight").GetInt32());
        Assert.Equal(0, first.GetProperty("experimentsFaulted").GetInt32());
        Assert.Equal(completed, first.GetProperty("experimentsStarted").GetInt32());
        Assert.Equal(completed, run.Observations().Rows.Count);
        JsonElement beam = first.GetProperty("beamTime");
        Assert.Equal(completed * SecondsPerSpot, beam.GetProperty("seconds").GetDouble(), BeamTimeTolerance);
        Assert.Equal(completed * SecondsPerSpot, beam.GetProperty("byInstrument").GetProperty("saxs").GetDouble(), BeamTimeTolerance);
        Assert.True(beam.GetProperty("seconds").GetDouble() >= WindowSeconds, "the halt must come at the window's end, not before");
        Assert.Contains($"beam time: {beam.GetProperty("hoursMinutes").GetString()} ({completed * SecondsPerSpot:F0} s)", halted.Output, StringComparison.Ordinal);

        AutoLabCommand.Result resumed = await AutoLabCommand.RunAsync(["resume", run.Root], TimeSpan.FromMinutes(3));

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        string used = TimeSpan.FromSeconds(completed * SecondsPerSpot).ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"beam-time window: 00:06:00 of beam time, from {used}", resumed.Output, StringComparison.Ordinal);
        JsonElement final = run.Summary();
        Assert.Equal("Completed", final.GetProperty("status").GetString());
        Assert.Equal(Budget, final.GetProperty("experimentsCompleted").GetInt32());
        Assert.Equal(Budget, run.Observations().Rows.Count);
        Assert.Equal(Budget * SecondsPerSpot, final.GetProperty("beamTime").GetProperty("seconds").GetDouble(), BeamTimeTolerance);
        Assert.Equal(Budget, final.GetProperty("beamTime").GetProperty("measurements").GetInt32());
    }

    static string Spec() => $$$"""
        name: beamtime-window
        seed: 8
        space:
          - {name: x, type: continuous, bounds: [0, 20], unit: mm}
          - {name: y, type: continuous, bounds: [0, 20], unit: mm}
        steps:
          measure:
            instrument: saxs
            timeout: 30s
            attempts: 3
            backoff: 100ms
            options: {sample: film, film_seed: "21", model: ellipsoid, radius: "50", polydispersity: "0.1", volume_fraction: "0.05", q_min: "0.003", q_max: "0.2", points: "60", count_time_s: "5", latency_s: "30", clock: virtual}
        analysis:
          - {model: readings, options: {map: "rg=rg"}}
        objectives:
          - {name: rg, direction: maximize}
        strategy: sobol
        budget: {{{Budget}}}
        batch_size: {{{Batch}}}
        schedule: {beam_time: 6m}
        """;
}
