using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>
/// Powder-pattern simulation rate: patterns per second at 4,500 points for a three-phase Fe–Ni–Al sample
/// (Poisson noise included), on one thread and on all cores, for the analysis models' training sets.
/// </summary>
public static class XrdBenchmark
{
    /// <summary>Runs the benchmark and returns its figures as JSON (for <c>autolab bench xrd --json</c>).</summary>
    /// <param name="patterns">Patterns per timed run (after a warm-up of a tenth as many).</param>
    /// <param name="points">Points per pattern; 2θ from 10° in 0.02° steps.</param>
    /// <returns>Figures: patterns_per_second (one thread), patterns_per_second_all_cores, microseconds_per_pattern, points, phases, reflections, cores.</returns>
    public static JsonObject Run(int patterns = 2000, int points = 4500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patterns, 10);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 10);
        PhaseDiagram diagram = BuiltInPhaseDiagrams.FeNiAl();
        // A three-phase field (B2 + γ + Ni3Al region edge) so the pattern has many overlapping peaks.
        PhaseContribution[] phases = [.. diagram.Equilibrium([0.3, 0.4, 0.3]).Select(p => new PhaseContribution(p.Structure, p.Fraction, 40.0))];
        var range = new ScanRange(10.0, 10.0 + ((points - 1) * 0.02), 0.02, 1.0);
        DiffractometerSettings settings = new() { Wavelength2 = DiffractometerSettings.CopperKAlpha2 };
        var simulator = new PowderPatternSimulator();
        int reflections = phases.Sum(p => simulator.Reflections(p.Structure, settings, range.Stop).Count);

        Simulate(simulator, phases, settings, range, patterns / 10, parallel: false);
        double single = Simulate(simulator, phases, settings, range, patterns, parallel: false);
        double all = Simulate(simulator, phases, settings, range, patterns, parallel: true);
        return new JsonObject
        {
            ["benchmark"] = "xrd",
            ["points"] = range.Points,
            ["phases"] = phases.Length,
            ["reflections"] = reflections,
            ["kalpha2"] = true,
            ["patterns_per_second"] = Math.Round(single, 1),
            ["microseconds_per_pattern"] = Math.Round(1e6 / single, 1),
            ["patterns_per_second_all_cores"] = Math.Round(all, 1),
            ["cores"] = Environment.ProcessorCount,
            ["machine"] = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {Environment.OSVersion}"),
        };
    }

    static double Simulate(PowderPatternSimulator simulator, PhaseContribution[] phases, DiffractometerSettings settings, ScanRange range, int count, bool parallel)
    {
        var watch = Stopwatch.StartNew();
        if (parallel)
        {
            Parallel.For(0, count, i => simulator.Measure(phases, settings, range, RandomStreams.For(i, "bench-xrd")));
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                simulator.Measure(phases, settings, range, RandomStreams.For(i, "bench-xrd"));
            }
        }

        return count / watch.Elapsed.TotalSeconds;
    }
}
