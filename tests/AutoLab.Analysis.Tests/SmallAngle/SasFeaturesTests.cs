using AutoLab.Analysis.Training.Sas;

namespace AutoLab.Analysis.Tests.SmallAngle;

/// <summary>SAS features are log intensities centred per curve, and bad intensities are refused by index.</summary>
public class SasFeaturesTests
{
    // Features are float32 logarithms: a scale change must cancel to float rounding.
    private const double ScaleInvarianceTolerance = 1e-5;

    [Fact]
    public void A_NaN_intensity_is_refused_naming_its_index()
    {
        double[] intensity = [1.0, 0.5, double.NaN, 0.1];
        ArgumentException error = Assert.Throws<ArgumentException>(() => SasFeatures.Compute(intensity));
        Assert.Contains("index 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_intensity_is_refused_naming_its_index()
    {
        double[] intensity = [1.0, 0.5, 0.2, -0.1];
        ArgumentException error = Assert.Throws<ArgumentException>(() => SasFeatures.Compute(intensity));
        Assert.Contains("index 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_curve_of_zeros_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SasFeatures.Compute(new double[8]));
    }

    [Fact]
    public void Features_do_not_change_with_the_absolute_scale()
    {
        double[] intensity = [.. Enumerable.Range(0, 32).Select(i => 100.0 / (1.0 + (i * i)))];
        float[] once = SasFeatures.Compute(intensity);
        float[] scaled = SasFeatures.Compute([.. intensity.Select(v => v * 37.0)]);
        for (int i = 0; i < once.Length; i++)
        {
            Assert.True(Math.Abs(once[i] - scaled[i]) < ScaleInvarianceTolerance, $"point {i}: {once[i]} vs {scaled[i]}; the scale should cancel");
        }

        Assert.True(Math.Abs(once.Average(v => (double)v)) < ScaleInvarianceTolerance, "features are centred per curve");
    }

    [Fact]
    public void An_empty_counting_bin_takes_the_smallest_positive_intensity()
    {
        float[] features = SasFeatures.Compute([10.0, 1.0, 0.0, 0.1]);
        Assert.Equal(features[3], features[2]);
    }
}
