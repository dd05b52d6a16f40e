namespace AutoLab.Analysis.Registry;

/// <summary>The kinds of model a <see cref="ModelRegistry"/> stores, as written in a card's <c>kind</c>.</summary>
/// <remarks>The kind decides which typed loader opens the folder; it is checked before any file is read.</remarks>
public static class ModelKinds
{
    /// <summary>A <see cref="PhaseIdentification.PhaseIdentifier"/>: XRD phase identification and fractions.</summary>
    public const string PhaseIdentifier = "phase-id";

    /// <summary>A <see cref="SmallAngle.SasModelSelector"/>: SAXS/SANS family selection and sizes.</summary>
    public const string SasModelSelector = "sas-model";

    /// <summary>A <see cref="BeamRegression.BeamSizeRegressor"/>: source beam size from insertion-device gaps.</summary>
    public const string BeamSizeRegressor = "beam-size";
}
