using AutoLab.Analysis.BeamRegression;
using AutoLab.Analysis.Torch;
using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.SmallAngle;

/// <summary>The JSON half of a saved <see cref="SasModelSelector"/>: everything but the weights.</summary>
/// <remarks>Written as <see cref="FileName"/> beside the parameter files, so a registry can read a model's grid,
/// architecture, training options and metrics without loading libtorch.</remarks>
public sealed record SasSelectorManifest
{
    /// <summary>Name of the manifest file in a saved selector's folder.</summary>
    public const string FileName = "sas-model-selector.json";

    /// <summary>Format version of this manifest.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>The q grid (Å⁻¹) curves must be measured on.</summary>
    public required double[] Q { get; init; }

    /// <summary>Families in output order.</summary>
    public required IReadOnlyList<SaxsModel> Families { get; init; }

    /// <summary>The classifier's spec, input length and outputs filled in.</summary>
    public required NetworkSpec Classifier { get; init; }

    /// <summary>Each family's regressor spec, in <see cref="Families"/> order.</summary>
    public required IReadOnlyList<NetworkSpec> Regressors { get; init; }

    /// <summary>Each family's log10-size standardiser, in <see cref="Families"/> order.</summary>
    public required IReadOnlyList<Standardizer> SizeScalers { get; init; }

    /// <summary>Each family's factor per size parameter applied to the Monte-Carlo-dropout spread (calibration); empty for none.</summary>
    public IReadOnlyList<double[]> UncertaintyScales { get; init; } = [];

    /// <summary>The options the selector was trained with.</summary>
    public required SasSelectorOptions Options { get; init; }

    /// <summary>Seed of the training set's generator.</summary>
    public int TrainingSetSeed { get; init; }

    /// <summary>Curves in the training set.</summary>
    public int TrainingCurves { get; init; }

    /// <summary>Metrics recorded at training or evaluation (e.g. "accuracy", "train_seconds").</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}
