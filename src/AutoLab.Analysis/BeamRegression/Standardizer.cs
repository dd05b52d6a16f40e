using System.Text.Json.Serialization;

namespace AutoLab.Analysis.BeamRegression;

/// <summary>Per-column affine scaling to zero mean and unit standard deviation, fitted on training data.</summary>
/// <remarks>Networks train faster and more reliably when inputs and targets are O(1); the fitted means and
/// deviations are saved with the model so predictions are mapped back to physical units.</remarks>
public sealed class Standardizer
{
    /// <summary>Creates a standardiser from fitted statistics.</summary>
    /// <param name="means">Column means.</param>
    /// <param name="deviations">Column standard deviations (positive).</param>
    [JsonConstructor]
    public Standardizer(double[] means, double[] deviations)
    {
        if (means.Length != deviations.Length)
        {
            throw new ArgumentException($"{means.Length} means but {deviations.Length} deviations", nameof(deviations));
        }

        Means = means;
        Deviations = deviations;
    }

    /// <summary>Column means.</summary>
    public double[] Means { get; }

    /// <summary>Column standard deviations.</summary>
    public double[] Deviations { get; }

    /// <summary>Fits the column statistics of a row-major matrix.</summary>
    /// <param name="data">Rows × columns.</param>
    /// <param name="columns">Number of columns.</param>
    /// <returns>The standardiser; a constant column gets deviation 1 so it maps to 0.</returns>
    public static Standardizer Fit(ReadOnlySpan<double> data, int columns)
    {
        int rows = data.Length / columns;
        double[] means = new double[columns];
        double[] deviations = new double[columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                means[c] += data[(r * columns) + c];
            }
        }

        for (int c = 0; c < columns; c++)
        {
            means[c] /= rows;
        }

        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double d = data[(r * columns) + c] - means[c];
                deviations[c] += d * d;
            }
        }

        for (int c = 0; c < columns; c++)
        {
            double sd = Math.Sqrt(deviations[c] / Math.Max(1, rows - 1));
            deviations[c] = sd > 1e-300 ? sd : 1.0;
        }

        return new Standardizer(means, deviations);
    }

    /// <summary>Scales a row-major matrix to float32 network inputs or targets.</summary>
    /// <param name="data">Rows × columns, columns = <see cref="Means"/>.Length.</param>
    /// <returns>The standardised values.</returns>
    public float[] Forward(ReadOnlySpan<double> data)
    {
        int columns = Means.Length;
        float[] result = new float[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            int c = i % columns;
            result[i] = (float)((data[i] - Means[c]) / Deviations[c]);
        }

        return result;
    }

    /// <summary>Maps standardised values back to physical units.</summary>
    /// <param name="data">Rows × columns.</param>
    /// <returns>The values in the original units.</returns>
    public double[] Inverse(ReadOnlySpan<float> data)
    {
        int columns = Means.Length;
        double[] result = new double[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            int c = i % columns;
            result[i] = Means[c] + (Deviations[c] * data[i]);
        }

        return result;
    }
}
