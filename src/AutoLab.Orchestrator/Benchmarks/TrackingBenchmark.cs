using System.Diagnostics;
using System.Numerics;
using System.Text.Json.Nodes;
using AutoLab.Simulators.Ring.Aperture;
using AutoLab.Simulators.Ring.Evaluation;
using AutoLab.Simulators.Ring.Lattices;
using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>
/// Tracking throughput on the built-in ring (element passes per second, SIMD over particles, on one core
/// and on all) and the wall time of one dynamic-aperture evaluation; figures for docs/benchmarks.md.
/// </summary>
/// <remarks>
/// An element pass is one particle through one element (a thick magnet counts once, however many
/// integration steps it takes). Particles start at small amplitudes so none is lost and every pass is real work.
/// Rates per wall-clock second depend on what else runs on the machine; the rate per CPU-second of the
/// process does not, so it is the per-core figure to compare with a target.
/// </remarks>
public static class TrackingBenchmark
{
    /// <summary>Runs the benchmark.</summary>
    /// <param name="particles">Particles in the throughput runs.</param>
    /// <param name="turns">Turns in the throughput runs.</param>
    /// <param name="repeats">Runs per figure; the median is reported.</param>
    /// <param name="daAngles">Rays of the dynamic-aperture scan.</param>
    /// <param name="daTurns">Turns of the dynamic-aperture scan.</param>
    /// <returns>The figures as JSON (rates in element passes per second, times in seconds).</returns>
    public static JsonObject Run(int particles = 4096, int turns = 100, int repeats = 3, int daAngles = 19, int daTurns = 512)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(particles, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(turns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        Lattice ring = BuiltinLattices.Dba();
        int cores = Environment.ProcessorCount;
        var all = new RingTracker(ring);
        var one = new RingTracker(ring, maxDegreeOfParallelism: 1);

        // Warm-up: tiered JIT settles on the optimised SIMD loop before anything is timed.
        Throughput(all, 256, 20);
        Throughput(one, 256, 20);

        double allCores = Median(repeats, () => Throughput(all, particles, turns).PerSecond);
        double oneCore = Median(repeats, () => Throughput(one, particles, Math.Max(1, turns / cores)).PerSecond);
        // Per CPU-second: what a core does while it runs, whatever else shares the machine.
        double perCpuSecond = Median(repeats, () => Throughput(all, particles, turns).PerCpuSecond);
        var daSettings = new DynamicApertureSettings { Angles = daAngles, Turns = daTurns };
        long daPasses = 0;
        double daCpuSeconds = 0.0;
        double daSeconds = Median(repeats, () =>
        {
            using var process = Process.GetCurrentProcess();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            DynamicApertureResult da = DynamicAperture.Compute(all, daSettings);
            double wall = watch.Elapsed.TotalSeconds;
            process.Refresh();
            daPasses = da.ElementPasses;
            daCpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            return wall;
        });
        double evaluationSeconds = Median(repeats, () =>
        {
            var watch = Stopwatch.StartNew();
            RingEvaluator.Evaluate(ring, new RingEvaluationSettings { DynamicAperture = daSettings });
            return watch.Elapsed.TotalSeconds;
        });

        return new JsonObject
        {
            ["machine"] = $"{cores} cores, {Environment.OSVersion}",
            ["simd_lanes"] = Vector<double>.Count,
            ["simd_accelerated"] = Vector.IsHardwareAccelerated,
            ["lattice"] = $"{ring.Name} ({all.ElementsPerTurn} elements per turn)",
            ["particles"] = particles,
            ["turns"] = turns,
            ["repeats"] = repeats,
            ["element_passes_per_s_all_cores"] = allCores,
            ["element_passes_per_s_one_core"] = oneCore,
            ["element_passes_per_s_per_core"] = allCores / cores,
            ["element_passes_per_cpu_s"] = perCpuSecond,
            ["da_scan"] = $"{daAngles} angles x {daTurns} turns, {daSettings.ProbesPerRound} probes x {daSettings.Rounds} rounds",
            ["da_seconds"] = daSeconds,
            ["da_element_passes"] = daPasses,
            ["da_cpu_seconds_last"] = daCpuSeconds,
            ["evaluation_seconds"] = evaluationSeconds,
            ["evaluation"] = "optics, chromaticity, DA at δ = 0 and ±0.02, momentum acceptance",
        };
    }

    static (double PerSecond, double PerCpuSecond) Throughput(RingTracker tracker, int count, int turns)
    {
        var particles = new ParticleSet(count);
        for (int i = 0; i < count; i++)
        {
            // Spread over a few millimetres: well inside the dynamic aperture, so nothing is lost.
            particles.Set(i, 1e-3 * ((i % 7) - 3), 0.0, 5e-4 * ((i % 5) - 2), 0.0, 1e-3 * ((i % 3) - 1));
        }

        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long passes = tracker.Track(particles, turns);
        double wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return (passes / wall, passes / cpu);
    }

    static double Median(int repeats, Func<double> measure)
    {
        double[] values = [.. Enumerable.Range(0, repeats).Select(_ => measure()).Order()];
        return values[values.Length / 2];
    }
}
