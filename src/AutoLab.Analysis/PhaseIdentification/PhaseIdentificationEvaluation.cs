using System.Diagnostics;
using AutoLab.Analysis.Metrics;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Analysis.PhaseIdentification;

/// <summary>Trains a phase identifier and measures it on held-out simulated patterns: the figures of issue 5.</summary>
/// <remarks>
/// Test patterns come from the same generator and augmentation ranges as training (realistic noise and strain)
/// but from a different seed, so no test pattern was seen in training or validation. Single-phase, two-phase
/// and three-phase sets are drawn separately. See <see cref="PhaseIdentificationReport"/> for the figures.
/// </remarks>
public static class PhaseIdentificationEvaluation
{
    // Far from the training seed so the streams (SHA-256 of seed and index) share nothing with training.
    private const long TestSeedOffset = 1_000_003;

    /// <summary>Trains an identifier with <paramref name="seed"/> and evaluates it.</summary>
    /// <param name="options">What to train and how many patterns to test on.</param>
    /// <param name="seed">Seed of training; the test sets use seed + 1,000,003.</param>
    /// <returns>The report.</returns>
    public static PhaseIdentificationReport Run(PhaseIdentificationEvaluationOptions options, long seed)
    {
        IReadOnlyList<DiagramPhase> phases = options.Phases ?? XrdTrainingSetGenerator.FeNiAlPhases();
        using PhaseIdentifier identifier = PhaseIdentifier.Train(phases, options.Identifier, seed);
        return Evaluate(identifier, phases, options, seed + TestSeedOffset);
    }

    /// <summary>Evaluates a trained identifier on freshly generated held-out patterns.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <param name="phases">Its phases, in its output order.</param>
    /// <param name="options">Test-set sizes (and the data options of the identifier's manifest are used for the patterns).</param>
    /// <param name="testSeed">Seed of the test sets.</param>
    /// <returns>The report.</returns>
    public static PhaseIdentificationReport Evaluate(PhaseIdentifier identifier, IReadOnlyList<DiagramPhase> phases, PhaseIdentificationEvaluationOptions options, long testSeed)
    {
        XrdTrainingSetOptions data = identifier.Manifest.Options.Data;
        int k = phases.Count;
        XrdTrainingSet single = new XrdTrainingSetGenerator(phases, data with { PhaseCountProportions = [1.0] }).Generate(options.SinglePhasePatterns, testSeed);
        XrdTrainingSet two = new XrdTrainingSetGenerator(phases, data with { PhaseCountProportions = [0.0, 1.0] }).Generate(options.TwoPhasePatterns, testSeed + 1);
        XrdTrainingSet three = new XrdTrainingSetGenerator(phases, data with { PhaseCountProportions = [0.0, 0.0, 1.0] }).Generate(options.ThreePhasePatterns, testSeed + 2);

        Stopwatch clock = Stopwatch.StartNew();
        PhasePrediction[] singlePredictions = identifier.PredictPreprocessed(single.Inputs, single.Count);
        double inferenceMs = clock.Elapsed.TotalMilliseconds / single.Count;
        PhasePrediction[] unscaled = identifier.PredictPreprocessed(single.Inputs, single.Count, temperature: 1.0);
        PhasePrediction[] twoPredictions = identifier.PredictPreprocessed(two.Inputs, two.Count);
        PhasePrediction[] threePredictions = identifier.PredictPreprocessed(three.Inputs, three.Count);

        int[] truth = [.. single.Draws.Select(d => d.Phases[0].Index)];
        int[] predicted = [.. singlePredictions.Select(p => p.TopPhase)];
        ConfusionMatrix confusion = new(identifier.PhaseNames);
        for (int i = 0; i < truth.Length; i++)
        {
            confusion.Add(truth[i], predicted[i]);
        }

        PhasePrediction[] mixtures = [.. twoPredictions, .. threePredictions];
        float[] mixtureFractions = [.. two.Fractions, .. three.Fractions];
        bool[] present = [.. mixtureFractions.Select(f => f > identifier.Manifest.Options.PresenceThreshold)];
        int exact = 0;
        for (int i = 0; i < mixtures.Length; i++)
        {
            bool same = true;
            for (int j = 0; j < k; j++)
            {
                same &= (mixtures[i].Presence[j] >= EnsembleCombiner.PresenceCut) == present[(i * k) + j];
            }

            exact += same ? 1 : 0;
        }

        return new PhaseIdentificationReport(
            identifier.PhaseNames,
            identifier.Device,
            ClassificationMetrics.TopOneAccuracy(predicted, truth),
            TopLabelEce(singlePredictions, truth),
            TopLabelEce(unscaled, truth),
            CalibrationError.Binary([.. mixtures.SelectMany(p => p.Presence)], present),
            FractionMetrics.MeanAbsoluteError(Fractions(twoPredictions), two.Fractions, k, onlyPresent: true),
            FractionMetrics.MeanAbsoluteError(Fractions(threePredictions), three.Fractions, k, onlyPresent: true),
            FractionMetrics.MeanAbsoluteError(Fractions(twoPredictions), two.Fractions, k),
            FractionMetrics.MeanAbsoluteError(Fractions(threePredictions), three.Fractions, k),
            (double)exact / mixtures.Length,
            confusion.ToRows(),
            identifier.Temperature,
            identifier.Manifest.Metrics.GetValueOrDefault("training_seconds"),
            identifier.Manifest.Metrics.GetValueOrDefault("generation_patterns_per_second"),
            identifier.Manifest.Metrics.GetValueOrDefault("training_samples_per_second"),
            inferenceMs);
    }

    private static double TopLabelEce(PhasePrediction[] predictions, int[] truth)
    {
        double[] confidence = [.. predictions.Select(p => p.Confidence)];
        bool[] correct = [.. predictions.Select((p, i) => p.TopPhase == truth[i])];
        return CalibrationError.TopLabel(confidence, correct);
    }

    private static float[] Fractions(PhasePrediction[] predictions) =>
        [.. predictions.SelectMany(p => p.Fractions.Select(f => (float)f))];
}
