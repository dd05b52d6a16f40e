using System.Text.Json;
using System.Text.Json.Serialization;
using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.BeamRegression;

/// <summary>A small MLP that predicts the source-point beam size (σx, σy) from insertion-device gaps.</summary>
/// <remarks>
/// <para>The machine-learning correction of gap-induced source-size variation demonstrated at the ALS by Leemann et
/// al. (Phys. Rev. Lett. 123, 194801 (2019); seed 000 line 327), who found a fully connected network beat polynomial
/// regression. Gaps and sizes are standardised (<see cref="Standardizer"/>) so the network sees O(1) numbers; training
/// is Adam on the mean squared error. Training data come from <see cref="BeamSizeDataGenerator"/> over
/// <see cref="BeamSizeForwardModel"/>; <see cref="LinearBaseline"/> is the regression it is compared against.</para>
/// </remarks>
public sealed class BeamSizeRegressor : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    private readonly TorchNetwork _network;

    private BeamSizeRegressor(BeamRegressorManifest manifest, TorchNetwork network)
    {
        Manifest = manifest;
        _network = network;
    }

    /// <summary>Spec, scalers and options; what <see cref="Save"/> writes as JSON.</summary>
    public BeamRegressorManifest Manifest { get; private set; }

    /// <summary>The last training run's report, or null for a loaded regressor.</summary>
    public TrainingReport? Report { get; private set; }

    /// <summary>Trains a regressor.</summary>
    /// <param name="data">Gap settings and measured sizes.</param>
    /// <param name="deviceNames">Names of the devices, in input order.</param>
    /// <param name="options">Architecture and training.</param>
    /// <param name="device">"cpu", "cuda" or "auto".</param>
    /// <returns>The trained regressor; dispose it.</returns>
    /// <exception cref="TorchUnavailableException">The libtorch shim is not built.</exception>
    public static BeamSizeRegressor Train(BeamSizeDataset data, IReadOnlyList<string> deviceNames, BeamRegressorOptions options, string device = "cpu")
    {
        if (deviceNames.Count != data.Devices)
        {
            throw new ArgumentException($"{deviceNames.Count} device names for {data.Devices} gaps per row", nameof(deviceNames));
        }

        Standardizer inputs = Standardizer.Fit(data.GapsMm, data.Devices);
        Standardizer outputs = Standardizer.Fit(data.SizesMicrons, 2);
        NetworkSpec spec = options.Network with { InputLength = data.Devices, Outputs = 2, Seed = options.Seed };
        TorchNetwork network = TorchNetwork.Create(spec, device);
        try
        {
            TrainingReport report = network.Train(
                inputs.Forward(data.GapsMm),
                outputs.Forward(data.SizesMicrons),
                data.Rows,
                options.Training with { Loss = TrainingLoss.MeanSquaredError, Seed = options.Seed });
            var manifest = new BeamRegressorManifest { Network = spec, Inputs = inputs, Outputs = outputs, Devices = deviceNames, Options = options };
            return new BeamSizeRegressor(manifest, network) { Report = report };
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>Predicts σx, σy (µm) for each gap setting.</summary>
    /// <param name="gapsMm">rows × devices gaps (mm).</param>
    /// <param name="rows">Number of settings.</param>
    /// <returns>rows × 2 sizes (µm).</returns>
    /// <exception cref="ArgumentException">The length is not rows × devices, or a gap is not finite (named by index).</exception>
    public double[] Predict(ReadOnlySpan<double> gapsMm, int rows)
    {
        int devices = Manifest.Devices.Count;
        if (rows < 1 || gapsMm.Length != rows * devices)
        {
            throw new ArgumentException($"expected {rows} rows of {devices} gaps ({rows * devices} values), got {gapsMm.Length}", nameof(gapsMm));
        }

        for (int i = 0; i < gapsMm.Length; i++)
        {
            if (!double.IsFinite(gapsMm[i]))
            {
                throw new ArgumentException($"gap at index {i} (row {i / devices}, {Manifest.Devices[i % devices]}) is {gapsMm[i]}", nameof(gapsMm));
            }
        }

        return Manifest.Outputs.Inverse(_network.Predict(Manifest.Inputs.Forward(gapsMm), rows));
    }

    /// <summary>Relative RMS error √(mean((p/t − 1)²)) of each output column.</summary>
    /// <param name="predicted">rows × columns.</param>
    /// <param name="truth">rows × columns, non-zero.</param>
    /// <param name="columns">Number of columns.</param>
    /// <returns>One error per column.</returns>
    public static double[] RelativeRmsError(ReadOnlySpan<double> predicted, ReadOnlySpan<double> truth, int columns)
    {
        double[] sums = new double[columns];
        int rows = truth.Length / columns;
        for (int i = 0; i < truth.Length; i++)
        {
            double relative = (predicted[i] / truth[i]) - 1.0;
            sums[i % columns] += relative * relative;
        }

        return [.. sums.Select(sum => Math.Sqrt(sum / rows))];
    }

    /// <summary>Records metrics in the manifest (written by the next <see cref="Save"/>).</summary>
    /// <param name="metrics">Name → value.</param>
    public void RecordMetrics(IReadOnlyDictionary<string, double> metrics) => Manifest = Manifest with { Metrics = metrics };

    /// <summary>Saves to a folder: <see cref="BeamRegressorManifest.FileName"/> and network.pt.</summary>
    /// <param name="folder">The folder; created when missing.</param>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        _network.Save(Path.Combine(folder, "network.pt"));
        File.WriteAllText(Path.Combine(folder, BeamRegressorManifest.FileName), JsonSerializer.Serialize(Manifest, Json));
    }

    /// <summary>Loads a regressor saved by <see cref="Save"/>.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="device">Where to run it.</param>
    /// <returns>The regressor; dispose it.</returns>
    /// <exception cref="FileNotFoundException">The manifest or the parameters are missing.</exception>
    public static BeamSizeRegressor Load(string folder, string device = "cpu")
    {
        string path = Path.Combine(folder, BeamRegressorManifest.FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no beam-size regressor manifest at {path}", path);
        }

        BeamRegressorManifest manifest = JsonSerializer.Deserialize<BeamRegressorManifest>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty");
        return new BeamSizeRegressor(manifest, TorchNetwork.Load(manifest.Network, Path.Combine(folder, "network.pt"), device));
    }

    /// <summary>Frees the network.</summary>
    public void Dispose() => _network.Dispose();
}
