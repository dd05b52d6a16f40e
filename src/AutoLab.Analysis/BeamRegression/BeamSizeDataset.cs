namespace AutoLab.Analysis.BeamRegression;

/// <summary>Gap settings and the beam sizes measured at them, row-major.</summary>
/// <remarks>Made by <see cref="BeamSizeDataGenerator"/>; the same model, rows, noise and seed give the same set.</remarks>
public sealed record BeamSizeDataset
{
    /// <summary>Number of settings.</summary>
    public required int Rows { get; init; }

    /// <summary>Gaps per setting (one per device).</summary>
    public required int Devices { get; init; }

    /// <summary>Gaps (mm), Rows × Devices.</summary>
    public required double[] GapsMm { get; init; }

    /// <summary>Measured σx, σy (µm), Rows × 2, noise included.</summary>
    public required double[] SizesMicrons { get; init; }

    /// <summary>Noise-free σx, σy (µm), Rows × 2.</summary>
    public required double[] TrueSizesMicrons { get; init; }
}
