using System.Diagnostics;
using AutoLab.Simulators.Saxs;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>
/// SAXS/SANS simulation rate: curves per second for each particle model with the camera's defaults (200 log-spaced
/// points from 0.003 to 0.5 Å⁻¹, 3 % resolution smearing, Poisson noise) and 10 % Schulz polydispersity.
/// </summary>
/// <remarks>
/// One thread per figure, then the sphere again on all cores (one independent curve per task), since training
/// sets are generated in parallel. Each figure is the median of repeated timed batches after a warm-up curve.
/// </remarks>
public static class SaxsBenchmark
{
    /// <summary>Polydispersity of every benchmarked sample (σ/R).</summary>
    public const double Polydispersity = 0.1;

    /// <summary>Curves per second of one model on one thread.</summary>
    /// <param name="Model">The model.</param>
    /// <param name="CurvesPerSecond">Median rate on one thread.</param>
    public sealed record ModelRate(SaxsModel Model, double CurvesPerSecond);

    /// <summary>The figures.</summary>
    /// <param name="Points">q points per curve.</param>
    /// <param name="SingleThread">Rate of each model on one thread.</param>
    /// <param name="SphereAllCores">Sphere curves per second on all cores.</param>
    /// <param name="Cores">Logical processors used for the all-cores figure.</param>
    public sealed record Figures(int Points, IReadOnlyList<ModelRate> SingleThread, double SphereAllCores, int Cores);

    /// <summary>The benchmarked sample of each model (default dimensions: R = 50 Å, L = 400 Å, aspect 2, φ = 0.01).</summary>
    /// <param name="model">The model.</param>
    /// <returns>The sample.</returns>
    public static SaxsSample Sample(SaxsModel model) => new() { Model = model, Polydispersity = Polydispersity };

    /// <summary>Times every model; takes a few seconds per second of <paramref name="secondsPerFigure"/>.</summary>
    /// <param name="secondsPerFigure">Wall time spent timing each figure (s), split into 3 batches.</param>
    /// <returns>The figures.</returns>
    public static Figures Measure(double secondsPerFigure = 1.0)
    {
        var camera = new SaxsCameraSettings();
        var rates = Enum.GetValues<SaxsModel>()
            .Select(m => new ModelRate(m, Rate(() => SaxsCamera.Measure(Sample(m), camera, new Random(1)), secondsPerFigure)))
            .ToList();
        int cores = Environment.ProcessorCount;
        double parallel = Rate(
            () => Parallel.For(0, cores, i => SaxsCamera.Measure(Sample(SaxsModel.Sphere), camera, new Random(i))),
            secondsPerFigure) * cores;
        return new Figures(camera.Points, rates, parallel, cores);
    }

    /// <summary>Median calls per second of <paramref name="action"/> over 3 batches of about a third of the budget each.</summary>
    static double Rate(Action action, double seconds)
    {
        action();
        var watch = Stopwatch.StartNew();
        action();
        double once = Math.Max(watch.Elapsed.TotalSeconds, 1e-6);
        int calls = Math.Max(1, (int)(seconds / 3.0 / once));
        var rates = new List<double>();
        for (int batch = 0; batch < 3; batch++)
        {
            watch.Restart();
            for (int i = 0; i < calls; i++)
            {
                action();
            }

            rates.Add(calls / watch.Elapsed.TotalSeconds);
        }

        rates.Sort();
        return rates[1];
    }
}
