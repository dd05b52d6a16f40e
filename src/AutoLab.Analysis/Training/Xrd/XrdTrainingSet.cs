namespace AutoLab.Analysis.Training.Xrd;

/// <summary>Labelled, preprocessed patterns: row-major inputs (count × grid points) and fractions (count × phases).</summary>
/// <param name="PhaseNames">Names of the label columns.</param>
/// <param name="Grid">The grid of every input row.</param>
/// <param name="Inputs">Preprocessed patterns, <see cref="Count"/> rows of <see cref="InputWidth"/> values.</param>
/// <param name="Fractions">Volume fractions, <see cref="Count"/> rows of one value per phase; each row sums to 1.</param>
/// <param name="Draws">What was drawn for each row.</param>
/// <param name="Seconds">Wall time to generate the set (s).</param>
public sealed record XrdTrainingSet(
    IReadOnlyList<string> PhaseNames,
    XrdPatternGrid Grid,
    float[] Inputs,
    float[] Fractions,
    IReadOnlyList<XrdSampleDraw> Draws,
    double Seconds)
{
    /// <summary>Input channels per grid point: 1, or 2 with the exposure channel (<see cref="PatternPreprocessor.ExposureChannel"/>).</summary>
    public int Channels { get; init; } = 1;

    /// <summary>Values per input row: grid points × <see cref="Channels"/>.</summary>
    public int InputWidth => Grid.Points * Channels;

    /// <summary>Number of patterns.</summary>
    public int Count => Draws.Count;

    /// <summary>Patterns generated per second of wall time.</summary>
    public double PatternsPerSecond => Seconds > 0 ? Count / Seconds : double.PositiveInfinity;

    /// <summary>The input row of pattern <paramref name="index"/>.</summary>
    /// <param name="index">0-based pattern.</param>
    /// <returns>A view of <see cref="InputWidth"/> values.</returns>
    public ReadOnlySpan<float> Input(int index) => Inputs.AsSpan(index * InputWidth, InputWidth);

    /// <summary>The fraction row of pattern <paramref name="index"/>.</summary>
    /// <param name="index">0-based pattern.</param>
    /// <returns>A view of one value per phase.</returns>
    public ReadOnlySpan<float> Fraction(int index) => Fractions.AsSpan(index * PhaseNames.Count, PhaseNames.Count);
}
