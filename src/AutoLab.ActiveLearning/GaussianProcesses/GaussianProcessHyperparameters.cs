namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>
/// The fitted kernel settings, for inputs in the unit cube and standardised outputs (zero mean, unit
/// standard deviation).
/// </summary>
public sealed record GaussianProcessHyperparameters
{
    /// <summary>One length scale per input, in unit-cube coordinates.</summary>
    public required IReadOnlyList<double> LengthScales { get; init; }

    /// <summary>Signal variance s², in standardised output units squared.</summary>
    public required double SignalVariance { get; init; }

    /// <summary>Noise variance σₙ², in standardised output units squared.</summary>
    public required double NoiseVariance { get; init; }
}
