using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.SmallAngle;

/// <summary>Held-out results of a SAS model-selection run (<see cref="SasModelSelectionEvaluation"/>).</summary>
public sealed record SasEvaluationReport
{
    /// <summary>Families in confusion-matrix order.</summary>
    public required IReadOnlyList<SaxsModel> Families { get; init; }

    /// <summary>Top-1 family accuracy on the test set.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Confusion counts: [true family][predicted family].</summary>
    public required int[][] Confusion { get; init; }

    /// <summary>Size-regression errors per family and parameter.</summary>
    public required IReadOnlyList<SasSizeError> SizeErrors { get; init; }

    /// <summary>Training curves.</summary>
    public required int TrainingCurves { get; init; }

    /// <summary>Test curves.</summary>
    public required int TestCurves { get; init; }

    /// <summary>Wall time to generate both sets (s).</summary>
    public required double GenerationSeconds { get; init; }

    /// <summary>Curves generated per second (both sets).</summary>
    public required double CurvesPerSecond { get; init; }

    /// <summary>Wall time to train the classifier and the regressors (s).</summary>
    public required double TrainingSeconds { get; init; }

    /// <summary>Wall time of predicting the whole test set, Monte-Carlo passes included, per curve (s).</summary>
    public required double InferenceSecondsPerCurve { get; init; }

    /// <summary>Where the networks ran.</summary>
    public required string Device { get; init; }
}
