using AutoLab.Analysis.Training.Sas;
using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.Tests.SmallAngle;

/// <summary>The SAS training-set generator is repeatable and its labels describe the curves it made.</summary>
public class SasTrainingSetGeneratorTests
{
    // Labels are log10 of the drawn sizes, computed in double: they must agree to rounding.
    private const double LabelTolerance = 1e-12;

    private static readonly SasGeneratorOptions Small = new() { CurvesPerFamily = 2, Points = 64 };

    [Fact]
    public void The_same_seed_gives_the_same_set()
    {
        SasTrainingSet first = SasTrainingSetGenerator.Generate(Small, 5);
        SasTrainingSet second = SasTrainingSetGenerator.Generate(Small with { Threads = 1 }, 5);
        Assert.Equal(first.Features, second.Features);
        Assert.Equal(first.Families, second.Families);
        Assert.Equal(first.LogSizes, second.LogSizes);
    }

    [Fact]
    public void A_different_seed_gives_different_curves()
    {
        SasTrainingSet first = SasTrainingSetGenerator.Generate(Small, 5);
        SasTrainingSet other = SasTrainingSetGenerator.Generate(Small, 6);
        Assert.NotEqual(first.Features, other.Features);
    }

    [Fact]
    public void Labels_match_the_samples_the_curves_were_measured_from()
    {
        SasTrainingSet set = SasTrainingSetGenerator.Generate(Small, 9);
        Assert.Equal(10, set.Rows);
        Assert.Equal(set.Rows * set.Points, set.Features.Length);
        for (int r = 0; r < set.Rows; r++)
        {
            SaxsModel family = SasFamilies.All[r % SasFamilies.All.Count];
            Assert.Equal(family, set.Families[r]);
            Assert.Equal(family, set.Samples[r].Model);
            double[] sizes = SasFamilies.Sizes(set.Samples[r]);
            Assert.Equal(SasFamilies.SizeParameters(family).Count, sizes.Length);
            for (int k = 0; k < SasFamilies.MaxSizeParameters; k++)
            {
                double label = set.LogSizes[(r * SasFamilies.MaxSizeParameters) + k];
                if (k < sizes.Length)
                {
                    Assert.True(Math.Abs(label - Math.Log10(sizes[k])) < LabelTolerance, $"row {r} parameter {k}");
                }
                else
                {
                    Assert.True(double.IsNaN(label), $"row {r}: {family} has no parameter {k}, so its label is NaN");
                }
            }
        }
    }

    [Fact]
    public void Features_and_intensities_are_finite_and_consistent()
    {
        SasTrainingSet set = SasTrainingSetGenerator.Generate(Small, 3);
        Assert.All(set.Features, value => Assert.True(float.IsFinite(value)));
        Assert.All(set.Intensities, value => Assert.True(value >= 0 && double.IsFinite(value)));
        float[] recomputed = SasFeatures.Compute(set.Intensities.AsSpan(0, set.Points));
        Assert.Equal(set.Features.AsSpan(0, set.Points).ToArray(), recomputed);
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_field_named()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => SasTrainingSetGenerator.Generate(Small with { Points = 2 }, 1));
        Assert.Contains("points", error.Message, StringComparison.Ordinal);
    }
}
