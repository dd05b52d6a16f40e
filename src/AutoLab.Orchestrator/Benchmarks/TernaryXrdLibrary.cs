using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Synthesis;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>A simulated ternary XRD library for NMF: Poisson-counted powder patterns of mixtures of three phases, and the pure patterns.</summary>
/// <remarks>
/// Al, α-Fe and Ni₃Al of the built-in Fe–Ni–Al diagram, mixed with Dirichlet(1, 1, 1) volume fractions, measured
/// by the diffractometer simulator with no background and no strain, zero shift or size spread, so each row is
/// exactly a non-negative combination of the three pure patterns plus counting noise: the basis NMF should recover.
/// (The raw counts are used, not the phase identifier's preprocessing, whose per-pattern normalisation and
/// background subtraction are not linear in the fractions.)
/// </remarks>
public static class TernaryXrdLibrary
{
    /// <summary>The phases of the library, by name in the built-in diagram.</summary>
    public static IReadOnlyList<string> PhaseNames { get; } = ["Al", "alpha-Fe", "Ni3Al"];

    /// <summary>Simulates the library.</summary>
    /// <param name="rows">Patterns.</param>
    /// <param name="points">Points per pattern over 10–80° 2θ.</param>
    /// <param name="seed">Seed of the fractions and the counting noise.</param>
    /// <returns>X (rows × points counts) and the basis (3 × points, noise-free pure patterns).</returns>
    public static (float[] X, float[] Basis) Generate(int rows, int points, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        IReadOnlyList<DiagramPhase> all = XrdTrainingSetGenerator.FeNiAlPhases();
        DiagramPhase[] phases = [.. PhaseNames.Select(name => all.First(p => p.Name == name))];
        XrdTrainingSetOptions options = new()
        {
            Grid = new XrdPatternGrid(10.0, 80.0, points),
            PhaseCountProportions = [0.0, 0.0, 1.0],
        };
        XrdTrainingSetGenerator generator = new(phases, options);
        DiffractometerSettings instrument = new() { Background = [] };
        const double CountTime = 1.0;
        const double CrystalliteSize = 80.0;
        float[] basis = new float[3 * points];
        for (int k = 0; k < 3; k++)
        {
            XrdSampleDraw pure = new([new XrdDrawnPhase(k, 1.0, 0.0, 0.0, 0.0, CrystalliteSize)], instrument, CountTime);
            Copy(generator.Expected(pure), basis.AsSpan(k * points, points));
        }

        Random random = new((int)seed);
        float[] x = new float[(long)rows * points];
        for (int r = 0; r < rows; r++)
        {
            double[] weights = [.. Enumerable.Range(0, 3).Select(_ => -Math.Log(1.0 - random.NextDouble()))];
            double sum = weights.Sum();
            XrdDrawnPhase[] drawn = [.. Enumerable.Range(0, 3).Select(k => new XrdDrawnPhase(k, weights[k] / sum, 0.0, 0.0, 0.0, CrystalliteSize))];
            Copy(generator.Measure(new XrdSampleDraw(drawn, instrument, CountTime), random), x.AsSpan(r * points, points));
        }

        return (x, basis);
    }

    private static void Copy(PowderPattern pattern, Span<float> into)
    {
        for (int i = 0; i < into.Length; i++)
        {
            into[i] = (float)pattern.Counts[i];
        }
    }
}
