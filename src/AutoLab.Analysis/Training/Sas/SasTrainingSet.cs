using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.Training.Sas;

/// <summary>A labelled set of simulated SAS curves: features, families and log10 sizes, row-major.</summary>
/// <remarks>Made by <see cref="SasTrainingSetGenerator"/>; the same options and seed give the same set.</remarks>
public sealed record SasTrainingSet
{
    /// <summary>The q grid (Å⁻¹), <see cref="Points"/> values.</summary>
    public required double[] Q { get; init; }

    /// <summary>Number of curves.</summary>
    public required int Rows { get; init; }

    /// <summary>Points per curve.</summary>
    public required int Points { get; init; }

    /// <summary>Features (<see cref="SasFeatures"/>), Rows × Points.</summary>
    public required float[] Features { get; init; }

    /// <summary>Measured intensities (cm⁻¹), Rows × Points, before the feature transform.</summary>
    public required double[] Intensities { get; init; }

    /// <summary>The family of each curve.</summary>
    public required SaxsModel[] Families { get; init; }

    /// <summary>log10 of each curve's size parameters (<see cref="SasFamilies.SizeParameters"/>), Rows × <see cref="SasFamilies.MaxSizeParameters"/>; NaN where a family has fewer.</summary>
    public required double[] LogSizes { get; init; }

    /// <summary>The samples the curves were measured from.</summary>
    public required SaxsSample[] Samples { get; init; }

    /// <summary>The seed the set was drawn with.</summary>
    public required int Seed { get; init; }

    /// <summary>Wall time of the generation (s).</summary>
    public required double Seconds { get; init; }

    /// <summary>Curves generated per second of wall time.</summary>
    public double CurvesPerSecond => Seconds > 0 ? Rows / Seconds : double.PositiveInfinity;
}
