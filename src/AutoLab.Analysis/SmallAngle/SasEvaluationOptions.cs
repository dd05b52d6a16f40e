using AutoLab.Analysis.Training.Sas;

namespace AutoLab.Analysis.SmallAngle;

/// <summary>What <see cref="SasModelSelectionEvaluation.Run"/> generates, trains and tests.</summary>
public sealed record SasEvaluationOptions
{
    /// <summary>Grid, noise and threads of both sets; its curve count is replaced by the two below.</summary>
    public SasGeneratorOptions Generator { get; init; } = new();

    /// <summary>Training curves per family.</summary>
    public int TrainingCurvesPerFamily { get; init; } = 1600;

    /// <summary>Held-out test curves per family, drawn from a different seed.</summary>
    public int TestCurvesPerFamily { get; init; } = 300;

    /// <summary>Architectures and training of the selector.</summary>
    public SasSelectorOptions Selector { get; init; } = new();

    /// <summary>Where the networks run.</summary>
    public string Device { get; init; } = "cpu";
}
