namespace AutoLab.Analysis.Training.Sas;

/// <summary>Turns a measured I(q) into the network's input: log10 intensity, centred per curve and scaled.</summary>
/// <remarks>
/// <para>f_i = (log10 I_i − mean_j log10 I_j) / <see cref="DecadesPerUnit"/>. Subtracting the curve's mean log
/// intensity removes the absolute scale (volume fraction, contrast, flux, transmission), which says nothing
/// about shape; dividing by a fixed number of decades rather than the curve's own spread keeps the slopes
/// (q⁻⁴ Porod, q⁻² chain, q⁻¹ rod) comparable between curves, which is what separates the families.</para>
/// <para>An empty counting bin (I = 0, possible at high q for weak samples) takes the smallest positive intensity
/// of the curve, so its logarithm stays finite and no lower than the data around it.</para>
/// </remarks>
public static class SasFeatures
{
    /// <summary>Decades of intensity that map to one unit of feature.</summary>
    public const double DecadesPerUnit = 2.0;

    /// <summary>Writes the features of one curve.</summary>
    /// <param name="intensity">I(q) (cm⁻¹ or counts), finite and not negative, with at least one positive value.</param>
    /// <param name="features">Output, the same length.</param>
    /// <exception cref="ArgumentException">A value is NaN, infinite or negative (the message names its index), all are zero, or the lengths differ.</exception>
    public static void Compute(ReadOnlySpan<double> intensity, Span<float> features)
    {
        if (intensity.Length != features.Length)
        {
            throw new ArgumentException($"the curve has {intensity.Length} points but the feature row has {features.Length}", nameof(features));
        }

        double smallest = double.PositiveInfinity;
        for (int i = 0; i < intensity.Length; i++)
        {
            double value = intensity[i];
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"intensity at index {i} is {value}; SAS features need finite intensities", nameof(intensity));
            }

            if (value < 0.0)
            {
                throw new ArgumentException($"intensity at index {i} is negative ({value}); SAS features need intensities (counts) that are not negative, e.g. before background subtraction", nameof(intensity));
            }

            if (value > 0.0)
            {
                smallest = Math.Min(smallest, value);
            }
        }

        if (double.IsPositiveInfinity(smallest))
        {
            throw new ArgumentException("every intensity is zero; there is no curve to classify", nameof(intensity));
        }

        double mean = 0.0;
        for (int i = 0; i < intensity.Length; i++)
        {
            double log = Math.Log10(Math.Max(intensity[i], smallest));
            features[i] = (float)log;
            mean += log;
        }

        mean /= intensity.Length;
        for (int i = 0; i < intensity.Length; i++)
        {
            features[i] = (float)((features[i] - mean) / DecadesPerUnit);
        }
    }

    /// <summary>The features of one curve as a new array.</summary>
    /// <param name="intensity">I(q), finite and not negative.</param>
    /// <returns>The features.</returns>
    /// <exception cref="ArgumentException">As <see cref="Compute(ReadOnlySpan{double}, Span{float})"/>.</exception>
    public static float[] Compute(ReadOnlySpan<double> intensity)
    {
        float[] features = new float[intensity.Length];
        Compute(intensity, features);
        return features;
    }
}
