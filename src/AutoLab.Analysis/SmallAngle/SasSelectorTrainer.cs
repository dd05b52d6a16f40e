using System.Diagnostics;
using AutoLab.Analysis.BeamRegression;
using AutoLab.Analysis.Torch;
using AutoLab.Analysis.Training.Sas;
using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.SmallAngle;

/// <summary>Trains the classifier and the per-family regressors of a <see cref="SasModelSelector"/>, and calibrates the regressors' dropout spread.</summary>
internal static class SasSelectorTrainer
{
    /// <summary>Trains on <paramref name="set"/>; the caller has set the thread count.</summary>
    public static SasModelSelector Train(SasTrainingSet set, SasSelectorOptions options, string device)
    {
        var clock = Stopwatch.StartNew();
        SaxsModel[] families = [.. set.Families.Distinct().Order()];
        int points = set.Points;
        NetworkSpec classifierSpec = options.Classifier with { InputLength = points, Outputs = families.Length, Seed = options.Seed };
        float[] oneHot = new float[set.Rows * families.Length];
        for (int r = 0; r < set.Rows; r++)
        {
            oneHot[(r * families.Length) + Array.IndexOf(families, set.Families[r])] = 1f;
        }

        TorchNetwork classifier = TorchNetwork.Create(classifierSpec, device);
        var regressors = new List<TorchNetwork>();
        try
        {
            classifier.Train(set.Features, oneHot, set.Rows, options.ClassifierTraining with { Loss = TrainingLoss.CrossEntropy, Seed = options.Seed });
            var specs = new List<NetworkSpec>();
            var scalers = new List<Standardizer>();
            var uncertaintyScales = new List<double[]>();
            // Every stride-th curve of a family is held back to calibrate the dropout spread; 0 means none.
            int stride = options.CalibrationFraction > 0 ? Math.Max(2, (int)Math.Round(1.0 / options.CalibrationFraction)) : 0;
            for (int f = 0; f < families.Length; f++)
            {
                (float[] inputs, double[] logSizes, int rows) = Select(set, families[f], m => stride == 0 || m % stride != stride - 1);
                int count = SasFamilies.SizeParameters(families[f]).Count;
                Standardizer scaler = Standardizer.Fit(logSizes, count);
                NetworkSpec spec = options.Regressor with { InputLength = points, Outputs = count, Seed = options.Seed + 1 + f };
                TorchNetwork regressor = TorchNetwork.Create(spec, device);
                regressors.Add(regressor);
                regressor.Train(inputs, scaler.Forward(logSizes), rows, options.RegressorTraining with { Loss = TrainingLoss.MeanSquaredError, Seed = options.Seed + 1 + f });
                specs.Add(spec);
                scalers.Add(scaler);
                uncertaintyScales.Add(stride == 0
                    ? [.. Enumerable.Repeat(1.0, count)]
                    : Calibrate(regressor, scaler, options.MonteCarloSamples, Select(set, families[f], m => m % stride == stride - 1), count));
            }

            var manifest = new SasSelectorManifest
            {
                Q = set.Q,
                Families = families,
                Classifier = classifierSpec,
                Regressors = specs,
                SizeScalers = scalers,
                UncertaintyScales = uncertaintyScales,
                Options = options,
                TrainingSetSeed = set.Seed,
                TrainingCurves = set.Rows,
            };
            return new SasModelSelector(manifest, classifier, [.. regressors], clock.Elapsed.TotalSeconds);
        }
        catch
        {
            classifier.Dispose();
            foreach (TorchNetwork regressor in regressors)
            {
                regressor.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Factor per size parameter that makes the dropout spread a 68 % interval on held-back curves:
    /// median(|error|/σ) / 0.6745, the ratio a calibrated Gaussian error would have (Kuleshov et al., ICML 2018,
    /// recalibrate on held-out data; here with a single scale).
    /// </summary>
    private static double[] Calibrate(TorchNetwork regressor, Standardizer scaler, int samples, (float[] Inputs, double[] LogSizes, int Rows) held, int count)
    {
        // Fewer than this many held-back curves give a median too noisy to scale by; keep the raw spread then.
        const int MinimumCurves = 5;
        double[] scales = [.. Enumerable.Repeat(1.0, count)];
        if (held.Rows < MinimumCurves)
        {
            return scales;
        }

        double[][] means = MonteCarloDropout.Moments(regressor, scaler, samples, held.Inputs, held.Rows, out double[][] deviations);
        for (int k = 0; k < count; k++)
        {
            double[] ratios = [.. Enumerable.Range(0, held.Rows)
                .Where(r => deviations[r][k] > 0)
                .Select(r => Math.Abs(means[r][k] - held.LogSizes[(r * count) + k]) / deviations[r][k])
                .Order()];
            if (ratios.Length >= MinimumCurves)
            {
                scales[k] = ratios[ratios.Length / 2] / 0.6745;
            }
        }

        return scales;
    }

    private static (float[] Inputs, double[] LogSizes, int Rows) Select(SasTrainingSet set, SaxsModel family, Func<int, bool> keep)
    {
        int count = SasFamilies.SizeParameters(family).Count;
        int[] all = [.. Enumerable.Range(0, set.Rows).Where(r => set.Families[r] == family)];
        int[] rows = [.. all.Where((_, m) => keep(m))];
        if (all.Length == 0)
        {
            throw new ArgumentException($"the training set has no {family} curves", nameof(set));
        }

        float[] inputs = new float[rows.Length * set.Points];
        double[] logSizes = new double[rows.Length * count];
        for (int m = 0; m < rows.Length; m++)
        {
            set.Features.AsSpan(rows[m] * set.Points, set.Points).CopyTo(inputs.AsSpan(m * set.Points, set.Points));
            for (int k = 0; k < count; k++)
            {
                logSizes[(m * count) + k] = set.LogSizes[(rows[m] * SasFamilies.MaxSizeParameters) + k];
            }
        }

        return (inputs, logSizes, rows.Length);
    }

}
