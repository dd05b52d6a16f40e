using System.Diagnostics;
using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.Training.Sas;

/// <summary>Generates seeded, labelled SAS curves from the SAXS/SANS simulator for training and evaluation.</summary>
/// <remarks>
/// Each curve i draws from its own stream <c>RandomStreams.For(seed, "sas/i")</c>, so the set does not depend on
/// how the parallel loop schedules curves: same options and seed, same set. Families are interleaved
/// (curve i has family i mod n), so any prefix is nearly balanced. Samples are drawn by <see cref="SasSampleDraw"/>
/// and measured by <see cref="SaxsCamera"/> (Schulz polydispersity, optional Percus–Yevick S(q), resolution
/// smearing, Poisson counting).
/// </remarks>
public static class SasTrainingSetGenerator
{
    /// <summary>Generates a set.</summary>
    /// <param name="options">What to generate.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static SasTrainingSet Generate(SasGeneratorOptions options, int seed)
    {
        if (options.FindProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var clock = Stopwatch.StartNew();
        int families = options.Families.Count;
        int rows = families * options.CurvesPerFamily;
        int points = options.Points;
        float[] features = new float[rows * points];
        double[] intensities = new double[rows * points];
        double[] logSizes = new double[rows * SasFamilies.MaxSizeParameters];
        var labels = new SaxsModel[rows];
        var samples = new SaxsSample[rows];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads == 0 ? Environment.ProcessorCount : options.Threads };
        Parallel.For(0, rows, parallel, i =>
        {
            SaxsModel family = options.Families[i % families];
            Random random = RandomStreams.For(seed, $"sas/{i}");
            (SaxsSample sample, SaxsCameraSettings camera, double scale) = SasSampleDraw.Draw(family, options, random);
            SaxsCurve curve = SaxsCamera.Measure(sample, camera, random, scale);
            curve.Intensity.CopyTo(intensities.AsSpan(i * points, points));
            SasFeatures.Compute(curve.Intensity, features.AsSpan(i * points, points));
            double[] sizes = SasFamilies.Sizes(sample);
            for (int k = 0; k < SasFamilies.MaxSizeParameters; k++)
            {
                logSizes[(i * SasFamilies.MaxSizeParameters) + k] = k < sizes.Length ? Math.Log10(sizes[k]) : double.NaN;
            }

            labels[i] = family;
            samples[i] = sample;
        });

        return new SasTrainingSet
        {
            Q = options.Grid(),
            Rows = rows,
            Points = points,
            Features = features,
            Intensities = intensities,
            Families = labels,
            LogSizes = logSizes,
            Samples = samples,
            Seed = seed,
            Seconds = clock.Elapsed.TotalSeconds,
        };
    }
}
