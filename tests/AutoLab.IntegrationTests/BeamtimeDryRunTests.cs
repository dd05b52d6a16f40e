using System.Text.Json;
using AutoLab.IntegrationTests.Support;

namespace AutoLab.IntegrationTests;

/// <summary>
/// A dry run on the virtual clock with a beam-time window (in-memory transport, simulated SAXS camera with
/// injected garbage readings): the campaign halts before the window would be overrun, with nothing lost, and
/// reports the simulated beam time with the faulted attempts' exposures included; <c>autolab resume</c> opens a
/// new window and completes it.
/// </summary>
public sealed class BeamtimeDryRunTests
{
    // 30 s of set-up plus 5 s of counting per spot, all virtual: no jitter, so each attempt is exactly 35 s,
    // a garbage one too (the camera exposes, then returns NaN).
    const double SecondsPerSpot = 35;
    const int Budget = 16;
    const int Batch = 4;
    // A 6-minute window holds 10 spots (350 s); an 11th would end at 385 s, so the halt comes when the 10th starts,
    // or, when the campaign asks for several suggestions at once that would not all fit, at that request: then up
    // to Batch - 1 spots that would have fitted are given up (early, not late).
    const double WindowSeconds = 360;
    const int SpotsThatFit = 10;
    const int FewestSpots = SpotsThatFit - (Batch - 1);
    // Durations are stated in whole 100 ns ticks; sums of 35 s are exact, so this only guards rounding in JSON.
    const double BeamTimeTolerance = 1e-6;

    [Fact]
    public async Task A_virtual_window_halts_before_it_would_be_overrun_counts_faulted_exposures_and_resume_completes_it()
    {
        string spec = SpecFiles.Write("beamtime", Spec());
        RunFolderFiles run = RunFolderFiles.NewTemp("beamtime");

        AutoLabCommand.Result halted = await AutoLabCommand.RunAsync(["run", spec, "--out", run.Root]);

        Assert.True(halted.ExitCode == 0, halted.ToString());
        Assert.Contains("beam-time window: 00:06:00 of beam time, from 00:00:00 to 00:06:00", halted.Output, StringComparison.Ordinal);
        JsonElement first = run.Summary();
        Assert.Equal("Halted", first.GetProperty("status").GetString());
        Assert.Contains("beam-time window of 00:06:00", first.GetProperty("reason").GetString(), StringComparison.Ordinal);
        int started = first.GetProperty("experimentsStarted").GetInt32();
        int completed = first.GetProperty("experimentsCompleted").GetInt32();
        int faulted = first.GetProperty("experimentsFaulted").GetInt32();
        // Nothing lost: every experiment started was finished (measured, or faulted on its one attempt) and journaled.
        Assert.Equal(0, first.GetProperty("experimentsInFlight").GetInt32());
        Assert.Equal(started, completed + faulted);
        Assert.Equal(started, run.Observations().Rows.Count);
        // One attempt per experiment (attempts: 1), so every faulted experiment is one faulted exposure of 35 s.
        JsonElement beam = first.GetProperty("beamTime");
        double used = beam.GetProperty("seconds").GetDouble();
        Assert.Equal(completed, beam.GetProperty("measurements").GetInt32());
        Assert.Equal(faulted, beam.GetProperty("faultedAttempts").GetInt32());
        Assert.Equal(faulted * SecondsPerSpot, beam.GetProperty("faultedSeconds").GetDouble(), BeamTimeTolerance);
        Assert.Equal(started * SecondsPerSpot, used, BeamTimeTolerance);
        Assert.Equal(used, beam.GetProperty("byInstrument").GetProperty("saxs").GetDouble(), BeamTimeTolerance);
        Assert.True(used <= WindowSeconds, $"the window must not be overrun: {used} s used of {WindowSeconds} s\n{halted}");
        Assert.True(started >= FewestSpots, $"the halt must not come more than one request early: {started} started, {SpotsThatFit} fit");
        Assert.Contains($"beam time: {beam.GetProperty("hoursMinutes").GetString()} ({used:F0} s)", halted.Output, StringComparison.Ordinal);

        AutoLabCommand.Result resumed = await AutoLabCommand.RunAsync(["resume", run.Root], TimeSpan.FromMinutes(3));

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        string usedText = TimeSpan.FromSeconds(used).ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"beam-time window: 00:06:00 of beam time, from {usedText}", resumed.Output, StringComparison.Ordinal);
        JsonElement final = run.Summary();
        Assert.Equal("Completed", final.GetProperty("status").GetString());
        int finalCompleted = final.GetProperty("experimentsCompleted").GetInt32();
        int finalFaulted = final.GetProperty("experimentsFaulted").GetInt32();
        Assert.Equal(Budget, finalCompleted + finalFaulted);
        Assert.Equal(Budget, run.Observations().Rows.Count);
        JsonElement finalBeam = final.GetProperty("beamTime");
        // Every experiment exposed once, good or garbage: the faulted exposures are in the total.
        Assert.Equal(Budget * SecondsPerSpot, finalBeam.GetProperty("seconds").GetDouble(), BeamTimeTolerance);
        Assert.Equal(finalCompleted, finalBeam.GetProperty("measurements").GetInt32());
        Assert.Equal(finalFaulted, finalBeam.GetProperty("faultedAttempts").GetInt32());
        Assert.Equal(finalFaulted * SecondsPerSpot, finalBeam.GetProperty("faultedSeconds").GetDouble(), BeamTimeTolerance);
        // With 40 % of commands faulted, 16 experiments without one happen with probability 0.6^16 < 3e-4.
        Assert.True(finalFaulted > 0, "the injected garbage readings must show up as faulted exposures");
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
            attempts: 1
            options: {sample: film, film_seed: "21", model: ellipsoid, radius: "50", polydispersity: "0.1", volume_fraction: "0.05", q_min: "0.003", q_max: "0.2", points: "60", count_time_s: "5", latency_s: "30", clock: virtual, fault_rate: "0.4", fault_modes: garbage, seed: "8"}
        analysis:
          - {model: readings, options: {map: "rg=rg"}}
        objectives:
          - {name: rg, direction: maximize}
        strategy: sobol
        budget: {{{Budget}}}
        batch_size: {{{Batch}}}
        schedule: {beam_time: 6m}
        fault_policy: {max_fault_fraction: 1, min_experiments: 1}
        """;
}
