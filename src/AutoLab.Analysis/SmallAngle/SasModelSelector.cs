using System.Text.Json;
using System.Text.Json.Serialization;
using AutoLab.Analysis.Torch;
using AutoLab.Analysis.Training.Sas;
using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.SmallAngle;

/// <summary>
/// SAXS/SANS model selection with size regression: which of sphere, core–shell, cylinder, ellipsoid or Gaussian chain
/// a curve comes from, and that family's sizes with an uncertainty (seed 000 §II.B; seed 003, SAS section).
/// </summary>
/// <remarks>
/// <para>Inputs are <see cref="SasFeatures"/> of I(q) on the selector's q grid. A classifier network (CNN1D by default;
/// <see cref="SasSelectorOptions.Classifier"/>) is trained with softmax cross-entropy over the families. Each family
/// then has its own regression network, trained by mean squared error on that family's curves only, on log10 sizes
/// standardised per family: separate heads keep one family's parameters (a cylinder's length) from being fitted to
/// curves that have none, which a single shared output block could only avoid with a masked loss.</para>
/// <para>Uncertainty is Monte-Carlo dropout (Gal and Ghahramani, ICML 2016): the chosen family's regressor runs
/// <see cref="SasSelectorOptions.MonteCarloSamples"/> times with dropout on; the estimate is the mean log10 size and
/// the uncertainty its standard deviation.</para>
/// <seealso cref="SasTrainingSetGenerator"/>
/// <seealso cref="SasModelSelectionEvaluation"/>
/// </remarks>
public sealed class SasModelSelector : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    private readonly TorchNetwork _classifier;
    private readonly TorchNetwork[] _regressors;

    /// <summary>Wraps trained or loaded networks; the selector owns and disposes them.</summary>
    internal SasModelSelector(SasSelectorManifest manifest, TorchNetwork classifier, TorchNetwork[] regressors, double trainingSeconds = 0.0)
    {
        Manifest = manifest;
        _classifier = classifier;
        _regressors = regressors;
        TrainingSeconds = trainingSeconds;
    }

    /// <summary>Grid, specs, options and metrics; what <see cref="Save"/> writes as JSON.</summary>
    public SasSelectorManifest Manifest { get; private set; }

    /// <summary>The q grid (Å⁻¹) curves must be measured on.</summary>
    public IReadOnlyList<double> Q => Manifest.Q;

    /// <summary>Families in probability order.</summary>
    public IReadOnlyList<SaxsModel> Families => Manifest.Families;

    /// <summary>Where the networks run, e.g. "cpu".</summary>
    public string Device => _classifier.Device;

    /// <summary>Wall time of the last <see cref="Train"/> (s); 0 for a loaded selector.</summary>
    public double TrainingSeconds { get; }

    /// <summary>Trains a selector on a generated set.</summary>
    /// <param name="set">Curves of every family in <see cref="SasTrainingSet.Families"/>.</param>
    /// <param name="options">Architectures and training.</param>
    /// <param name="device">"cpu", "cuda" or "auto".</param>
    /// <returns>The trained selector; dispose it.</returns>
    /// <exception cref="ArgumentException">A family has no curves.</exception>
    /// <exception cref="TorchUnavailableException">The libtorch shim is not built.</exception>
    public static SasModelSelector Train(SasTrainingSet set, SasSelectorOptions options, string device = "cpu")
    {
        if (options.MonteCarloSamples < 2)
        {
            throw new ArgumentException($"Monte-Carlo samples must be at least 2, not {options.MonteCarloSamples}", nameof(options));
        }

        int previousThreads = TorchRuntime.Threads;
        if (options.Threads > 0)
        {
            TorchRuntime.SetThreads(options.Threads);
        }

        try
        {
            return SasSelectorTrainer.Train(set, options, device);
        }
        finally
        {
            if (options.Threads > 0)
            {
                TorchRuntime.SetThreads(previousThreads);
            }
        }
    }

    /// <summary>Classifies one measured curve and regresses its sizes.</summary>
    /// <param name="intensity">I(q) on <see cref="Q"/>: finite, not negative.</param>
    /// <returns>The prediction.</returns>
    /// <exception cref="ArgumentException">Wrong length, or a NaN or negative intensity (named by index).</exception>
    public SasPrediction Predict(ReadOnlySpan<double> intensity)
    {
        if (intensity.Length != Manifest.Q.Length)
        {
            throw new ArgumentException($"the curve has {intensity.Length} points but the selector's q grid has {Manifest.Q.Length}", nameof(intensity));
        }

        return PredictFeatures(SasFeatures.Compute(intensity), 1)[0];
    }

    /// <summary>Classifies many curves given as features (<see cref="SasFeatures"/>) on <see cref="Q"/>.</summary>
    /// <param name="features">rows × points.</param>
    /// <param name="rows">Number of curves.</param>
    /// <returns>One prediction per row.</returns>
    public SasPrediction[] PredictFeatures(ReadOnlySpan<float> features, int rows)
    {
        int points = Manifest.Q.Length;
        int count = Families.Count;
        float[] logits = _classifier.Predict(features, rows);
        double[][] probabilities = new double[rows][];
        int[] chosen = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            probabilities[r] = Softmax(logits.AsSpan(r * count, count));
            chosen[r] = Array.IndexOf(probabilities[r], probabilities[r].Max());
        }

        var sizes = new SasSizeEstimate[rows][];
        for (int f = 0; f < count; f++)
        {
            int[] members = [.. Enumerable.Range(0, rows).Where(r => chosen[r] == f)];
            if (members.Length == 0)
            {
                continue;
            }

            float[] inputs = new float[members.Length * points];
            for (int m = 0; m < members.Length; m++)
            {
                features.Slice(members[m] * points, points).CopyTo(inputs.AsSpan(m * points, points));
            }

            IReadOnlyList<string> names = SasFamilies.SizeParameters(Families[f]);
            double[][] estimates = RegressSizes(f, inputs, members.Length, out double[][] deviations);
            for (int m = 0; m < members.Length; m++)
            {
                sizes[members[m]] = [.. names.Select((name, k) => new SasSizeEstimate(name, Math.Pow(10.0, estimates[m][k]), deviations[m][k]))];
            }
        }

        var result = new SasPrediction[rows];
        for (int r = 0; r < rows; r++)
        {
            result[r] = new SasPrediction(Families, probabilities[r], Families[chosen[r]], sizes[r]);
        }

        return result;
    }

    /// <summary>Mean and standard deviation of log10 sizes over the Monte-Carlo passes of one family's regressor.</summary>
    /// <param name="family">Index into <see cref="Families"/>.</param>
    /// <param name="inputs">rows × points features.</param>
    /// <param name="rows">Number of curves.</param>
    /// <param name="deviations">Standard deviation of each log10 size over the passes, times the calibration factor (<see cref="SasSelectorManifest.UncertaintyScales"/>).</param>
    /// <returns>Mean log10 size per row and parameter.</returns>
    public double[][] RegressSizes(int family, ReadOnlySpan<float> inputs, int rows, out double[][] deviations)
    {
        double[][] means = MonteCarloDropout.Moments(
            _regressors[family], Manifest.SizeScalers[family], Manifest.Options.MonteCarloSamples, inputs, rows, out deviations);
        if (Manifest.UncertaintyScales.Count > family)
        {
            double[] scales = Manifest.UncertaintyScales[family];
            foreach (double[] row in deviations)
            {
                for (int k = 0; k < row.Length; k++)
                {
                    row[k] *= scales[k];
                }
            }
        }

        return means;
    }

    /// <summary>Records metrics in the manifest (written by the next <see cref="Save"/>).</summary>
    /// <param name="metrics">Name → value, e.g. "accuracy".</param>
    public void RecordMetrics(IReadOnlyDictionary<string, double> metrics) => Manifest = Manifest with { Metrics = metrics };

    /// <summary>Saves to a folder: <see cref="SasSelectorManifest.FileName"/>, classifier.pt and regressor-N.pt.</summary>
    /// <param name="folder">The folder; created when missing.</param>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        _classifier.Save(Path.Combine(folder, "classifier.pt"));
        for (int f = 0; f < _regressors.Length; f++)
        {
            _regressors[f].Save(Path.Combine(folder, $"regressor-{f}.pt"));
        }

        File.WriteAllText(Path.Combine(folder, SasSelectorManifest.FileName), JsonSerializer.Serialize(Manifest, Json));
    }

    /// <summary>Loads a selector saved by <see cref="Save"/>.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="device">Where to run it; need not be where it was trained.</param>
    /// <returns>The selector; dispose it.</returns>
    /// <exception cref="FileNotFoundException">The manifest or a parameter file is missing.</exception>
    public static SasModelSelector Load(string folder, string device = "cpu")
    {
        string path = Path.Combine(folder, SasSelectorManifest.FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no SAS model selector manifest at {path}", path);
        }

        SasSelectorManifest manifest = JsonSerializer.Deserialize<SasSelectorManifest>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty");
        TorchNetwork classifier = TorchNetwork.Load(manifest.Classifier, Path.Combine(folder, "classifier.pt"), device);
        var regressors = new List<TorchNetwork>();
        try
        {
            for (int f = 0; f < manifest.Regressors.Count; f++)
            {
                regressors.Add(TorchNetwork.Load(manifest.Regressors[f], Path.Combine(folder, $"regressor-{f}.pt"), device));
            }
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

        return new SasModelSelector(manifest, classifier, [.. regressors]);
    }

    /// <summary>Frees the networks.</summary>
    public void Dispose()
    {
        _classifier.Dispose();
        foreach (TorchNetwork regressor in _regressors)
        {
            regressor.Dispose();
        }
    }

    private static double[] Softmax(ReadOnlySpan<float> logits)
    {
        double largest = double.NegativeInfinity;
        foreach (float logit in logits)
        {
            largest = Math.Max(largest, logit);
        }

        double[] result = new double[logits.Length];
        double sum = 0.0;
        for (int i = 0; i < logits.Length; i++)
        {
            result[i] = Math.Exp(logits[i] - largest);
            sum += result[i];
        }

        for (int i = 0; i < logits.Length; i++)
        {
            result[i] /= sum;
        }

        return result;
    }
}
