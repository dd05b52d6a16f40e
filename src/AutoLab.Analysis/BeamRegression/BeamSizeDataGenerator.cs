using AutoLab.Simulators.Behaviour;

namespace AutoLab.Analysis.BeamRegression;

/// <summary>Draws gap settings uniformly over each device's operating range and "measures" the beam size at each.</summary>
/// <remarks>
/// The measurement adds Gaussian noise (relative, independent in x and y), the
/// resolution of a good beam-size monitor (an interferometer or pinhole camera resolves a few per mille of σ).
/// </remarks>
public static class BeamSizeDataGenerator
{
    /// <summary>Default relative measurement noise: 0.3 %.</summary>
    public const double DefaultRelativeNoise = 0.003;

    /// <summary>Generates a set.</summary>
    /// <param name="model">The forward model.</param>
    /// <param name="rows">Number of gap settings.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="relativeNoise">Relative σ of the measurement noise.</param>
    /// <returns>The set.</returns>
    public static BeamSizeDataset Generate(BeamSizeForwardModel model, int rows, int seed, double relativeNoise = DefaultRelativeNoise)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(relativeNoise);
        int devices = model.Devices.Count;
        double[] gaps = new double[rows * devices];
        double[] measured = new double[rows * 2];
        double[] truth = new double[rows * 2];
        Random random = RandomStreams.For(seed, "beam-size");
        for (int r = 0; r < rows; r++)
        {
            Span<double> row = gaps.AsSpan(r * devices, devices);
            for (int i = 0; i < devices; i++)
            {
                InsertionDevice device = model.Devices[i];
                row[i] = device.MinGapMm + ((device.MaxGapMm - device.MinGapMm) * random.NextDouble());
            }

            BeamSize size = model.Evaluate(row);
            truth[2 * r] = size.SigmaXMicrons;
            truth[(2 * r) + 1] = size.SigmaYMicrons;
            measured[2 * r] = size.SigmaXMicrons * (1.0 + (relativeNoise * random.NextGaussian()));
            measured[(2 * r) + 1] = size.SigmaYMicrons * (1.0 + (relativeNoise * random.NextGaussian()));
        }

        return new BeamSizeDataset { Rows = rows, Devices = devices, GapsMm = gaps, SizesMicrons = measured, TrueSizesMicrons = truth };
    }
}
