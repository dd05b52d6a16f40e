using AutoLab.Analysis.Metrics;
using AutoLab.Analysis.PhaseIdentification;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Synthesis;

namespace AutoLab.Analysis.Tests.PhaseIdentification;

/// <summary>
/// A small deep ensemble trained in seconds on three phases identifies held-out noisy, strained patterns,
/// estimates two-phase fractions, and predicts the same after a save/load round trip.
/// </summary>
public class PhaseIdentifierTests(PhaseIdentifierTests.TrainedModel model) : IClassFixture<PhaseIdentifierTests.TrainedModel>
{
    // Issue 5 asks ≥ 97 % of the full-size model; a net trained for seconds on a coarse grid must still clear 90 %.
    private const double MinimumTopOne = 0.90;

    // Fraction MAE over the phases present in two-phase mixtures, for the small model.
    private const double MaximumFractionMae = 0.10;

    // Members are evaluated in inference mode, so a reloaded model must reproduce the same floats.
    private const double ReloadTolerance = 1e-6;

    private const long TestSeed = 424_242;

    [Fact]
    public void Held_out_single_phase_patterns_are_identified_at_least_ninety_percent_of_the_time()
    {
        XrdTrainingSet test = model.Set([1.0], 150, TestSeed);

        PhasePrediction[] predictions = model.Identifier.PredictPreprocessed(test.Inputs, test.Count);

        int[] truth = [.. test.Draws.Select(d => d.Phases[0].Index)];
        double accuracy = ClassificationMetrics.TopOneAccuracy([.. predictions.Select(p => p.TopPhase)], truth);
        Assert.True(accuracy >= MinimumTopOne, $"top-1 accuracy {accuracy:P1} is below {MinimumTopOne:P0}");
    }

    [Fact]
    public void Two_phase_fractions_are_estimated_within_the_tolerance()
    {
        XrdTrainingSet test = model.Set([0.0, 1.0], 150, TestSeed + 1);

        PhasePrediction[] predictions = model.Identifier.PredictPreprocessed(test.Inputs, test.Count);

        float[] predicted = [.. predictions.SelectMany(p => p.Fractions.Select(f => (float)f))];
        double mae = FractionMetrics.MeanAbsoluteError(predicted, test.Fractions, 3, onlyPresent: true);
        Assert.True(mae <= MaximumFractionMae, $"fraction MAE {mae:F3} exceeds {MaximumFractionMae}");
    }

    [Fact]
    public void A_saved_and_reloaded_identifier_predicts_the_same()
    {
        XrdTrainingSet test = model.Set([0.5, 0.5], 20, TestSeed + 2);
        string folder = Path.Combine(Path.GetTempPath(), $"xrd-identifier-{Guid.NewGuid():N}");
        try
        {
            model.Identifier.Save(folder);
            using PhaseIdentifier reloaded = PhaseIdentifier.Load(folder);

            PhasePrediction[] before = model.Identifier.PredictPreprocessed(test.Inputs, test.Count);
            PhasePrediction[] after = reloaded.PredictPreprocessed(test.Inputs, test.Count);

            Assert.Equal(model.Identifier.PhaseNames, reloaded.PhaseNames);
            Assert.Equal(model.Identifier.Temperature, reloaded.Temperature);
            for (int i = 0; i < before.Length; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    Assert.Equal(before[i].Presence[j], after[i].Presence[j], ReloadTolerance);
                    Assert.Equal(before[i].Fractions[j], after[i].Fractions[j], ReloadTolerance);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_measured_pattern_with_nan_counts_is_refused_naming_the_pattern_and_point()
    {
        XrdTrainingSetGenerator generator = new(model.Phases, model.Options.Data);
        Simulators.Xrd.PowderPattern pattern = generator.Measure(generator.Draw(1, 0), new Random(1));
        double[] counts = [.. pattern.Counts];
        counts[5] = double.NaN;

        ArgumentException error = Assert.Throws<ArgumentException>(() => model.Identifier.Predict([pattern, pattern with { Counts = counts }]));

        Assert.Contains("pattern 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("counts[5]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_evaluation_reports_consistent_held_out_figures()
    {
        PhaseIdentificationEvaluationOptions options = new() { SinglePhasePatterns = 60, TwoPhasePatterns = 40, ThreePhasePatterns = 40 };

        PhaseIdentificationReport report = PhaseIdentificationEvaluation.Evaluate(model.Identifier, model.Phases, options, TestSeed + 3);

        Assert.Equal(60, report.Confusion.Sum(row => row.Sum()));
        Assert.Equal(report.SinglePhaseTopOne, report.Confusion.Select((row, i) => row[i]).Sum() / 60.0, 12);
        Assert.True(report.SinglePhaseTopOne >= MinimumTopOne, $"top-1 accuracy {report.SinglePhaseTopOne:P1} is below {MinimumTopOne:P0}");
        Assert.True(report.TwoPhaseFractionMae <= MaximumFractionMae, $"two-phase fraction MAE {report.TwoPhaseFractionMae:F3} exceeds {MaximumFractionMae}");
        Assert.InRange(report.SinglePhaseEce, 0.0, 1.0);
        Assert.InRange(report.MixturePresenceEce, 0.0, 1.0);
        Assert.True(report.InferenceMillisecondsPerPattern > 0);
    }

    /// <summary>One small identifier shared by the tests: 3 phases, coarse grid, 2 members.</summary>
    public sealed class TrainedModel : IDisposable
    {
        public TrainedModel()
        {
            Phases =
            [
                new DiagramPhase("Al", BuiltInStructures.Get("Al")),
                new DiagramPhase("alpha-Fe", BuiltInStructures.Get("alpha-Fe")),
                new DiagramPhase("Ni3Al", BuiltInStructures.Get("Ni3Al")),
            ];
            // A coarse 0.125° grid needs broad lines, so crystallites are 10–40 nm here (Scherrer widths of 0.2–0.9°).
            // One libtorch thread: on a busy two-core machine a second thread only adds spin-waiting.
            Options = new PhaseIdentifierOptions
            {
                Data = new XrdTrainingSetOptions
                {
                    Grid = new XrdPatternGrid(20.0, 80.0, 480),
                    PhaseCountProportions = [0.5, 0.5],
                    MinimumCrystalliteSize = 10.0,
                    MaximumCrystalliteSize = 40.0,
                },
                TrainingPatterns = 600,
                ValidationPatterns = 200,
                EnsembleSize = 2,
                ConvChannels = [8, 16],
                ConvKernels = [7, 5],
                Pool = 4,
                HiddenSizes = [32],
                Epochs = 8,
                BatchSize = 32,
                LearningRate = 3e-3f,
                Threads = 1,
            };
            Identifier = PhaseIdentifier.Train(Phases, Options, seed: 5);
        }

        public IReadOnlyList<DiagramPhase> Phases { get; }

        public PhaseIdentifierOptions Options { get; }

        public PhaseIdentifier Identifier { get; }

        public XrdTrainingSet Set(IReadOnlyList<double> proportions, int count, long seed) =>
            new XrdTrainingSetGenerator(Phases, Options.Data with { PhaseCountProportions = proportions }).Generate(count, seed);

        public void Dispose() => Identifier.Dispose();
    }
}
