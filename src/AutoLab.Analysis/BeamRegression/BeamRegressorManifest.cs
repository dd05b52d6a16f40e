using AutoLab.Analysis.Torch;

namespace AutoLab.Analysis.BeamRegression;

/// <summary>The JSON half of a saved <see cref="BeamSizeRegressor"/>: spec, scalers, device names, options, metrics.</summary>
public sealed record BeamRegressorManifest
{
    /// <summary>Name of the manifest file in a saved regressor's folder.</summary>
    public const string FileName = "beam-size-regressor.json";

    /// <summary>Format version of this manifest.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>The network's spec, input length and outputs filled in.</summary>
    public required NetworkSpec Network { get; init; }

    /// <summary>Gap standardiser (one column per device).</summary>
    public required Standardizer Inputs { get; init; }

    /// <summary>Beam-size standardiser (σx, σy in µm).</summary>
    public required Standardizer Outputs { get; init; }

    /// <summary>Names of the devices whose gaps are the inputs, in order.</summary>
    public required IReadOnlyList<string> Devices { get; init; }

    /// <summary>The options it was trained with.</summary>
    public required BeamRegressorOptions Options { get; init; }

    /// <summary>Metrics recorded at training or evaluation.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}
