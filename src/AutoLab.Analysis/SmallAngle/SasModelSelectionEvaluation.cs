using System.Diagnostics;
using AutoLab.Analysis.Training.Sas;
using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.SmallAngle;

/// <summary>Trains a <see cref="SasModelSelector"/> on one generated set and scores it on a held-out set from another seed.</summary>
/// <remarks>The full-size run behind the figure (SAS model selection ≥ 95 % over the five families); the
/// tests run the same code on small sets.</remarks>
public static class SasModelSelectionEvaluation
{
    /// <summary>Seed offset of the held-out set, so it never shares a curve stream with the training set.</summary>
    public const int TestSeedOffset = 1_000_003;

    /// <summary>Generates, trains and evaluates.</summary>
    /// <param name="options">Set sizes, grid and selector options.</param>
    /// <param name="seed">Seed of the training set; the test set uses seed + <see cref="TestSeedOffset"/>.</param>
    /// <returns>The report.</returns>
    public static SasEvaluationReport Run(SasEvaluationOptions options, int seed)
    {
        SasTrainingSet training = SasTrainingSetGenerator.Generate(options.Generator with { CurvesPerFamily = options.TrainingCurvesPerFamily }, seed);
        SasTrainingSet test = SasTrainingSetGenerator.Generate(options.Generator with { CurvesPerFamily = options.TestCurvesPerFamily }, seed + TestSeedOffset);
        using SasModelSelector selector = SasModelSelector.Train(training, options.Selector, options.Device);
        SasEvaluationReport report = Score(selector, test);
        double generation = training.Seconds + test.Seconds;
        return report with
        {
            TrainingCurves = training.Rows,
            GenerationSeconds = generation,
            CurvesPerSecond = (training.Rows + test.Rows) / generation,
            TrainingSeconds = selector.TrainingSeconds,
        };
    }

    /// <summary>Scores a trained selector on a labelled set.</summary>
    /// <param name="selector">The selector.</param>
    /// <param name="test">Held-out curves on the selector's grid.</param>
    /// <returns>The report (generation and training fields 0).</returns>
    public static SasEvaluationReport Score(SasModelSelector selector, SasTrainingSet test)
    {
        IReadOnlyList<SaxsModel> families = selector.Families;
        var clock = Stopwatch.StartNew();
        SasPrediction[] predictions = selector.PredictFeatures(test.Features, test.Rows);
        double inference = clock.Elapsed.TotalSeconds / test.Rows;
        int[][] confusion = [.. families.Select(_ => new int[families.Count])];
        int correct = 0;
        for (int r = 0; r < test.Rows; r++)
        {
            int truth = IndexOf(families, test.Families[r]);
            int chosen = IndexOf(families, predictions[r].Family);
            confusion[truth][chosen]++;
            correct += truth == chosen ? 1 : 0;
        }

        var errors = new List<SasSizeError>();
        for (int f = 0; f < families.Count; f++)
        {
            int[] rows = [.. Enumerable.Range(0, test.Rows).Where(r => test.Families[r] == families[f])];
            if (rows.Length == 0)
            {
                continue;
            }

            float[] inputs = new float[rows.Length * test.Points];
            for (int m = 0; m < rows.Length; m++)
            {
                test.Features.AsSpan(rows[m] * test.Points, test.Points).CopyTo(inputs.AsSpan(m * test.Points, test.Points));
            }

            double[][] estimates = selector.RegressSizes(f, inputs, rows.Length, out double[][] deviations);
            IReadOnlyList<string> names = SasFamilies.SizeParameters(families[f]);
            for (int k = 0; k < names.Count; k++)
            {
                double[] log10Errors = [.. rows.Select((row, m) => estimates[m][k] - test.LogSizes[(row * SasFamilies.MaxSizeParameters) + k])];
                double[] relative = [.. log10Errors.Select(e => Math.Abs(Math.Pow(10.0, e) - 1.0)).Order()];
                double rms = Math.Sqrt(log10Errors.Average(e => e * e));
                double coverage = log10Errors.Where((e, m) => Math.Abs(e) <= deviations[m][k]).Count() / (double)rows.Length;
                errors.Add(new SasSizeError(families[f], names[k], relative[relative.Length / 2], rms, coverage));
            }
        }

        return new SasEvaluationReport
        {
            Families = families,
            Accuracy = correct / (double)test.Rows,
            Confusion = confusion,
            SizeErrors = errors,
            TrainingCurves = 0,
            TestCurves = test.Rows,
            GenerationSeconds = 0.0,
            CurvesPerSecond = test.CurvesPerSecond,
            TrainingSeconds = 0.0,
            InferenceSecondsPerCurve = inference,
            Device = selector.Device,
        };
    }

    private static int IndexOf(IReadOnlyList<SaxsModel> families, SaxsModel family)
    {
        for (int i = 0; i < families.Count; i++)
        {
            if (families[i] == family)
            {
                return i;
            }
        }

        throw new ArgumentException($"the selector was not trained on {family} curves", nameof(family));
    }
}
