using AutoLab.Analysis.Training.Xrd;

namespace AutoLab.Analysis.Tests.Training;

/// <summary>The preprocessor resamples onto the grid, removes the background, scales, and refuses bad patterns by index.</summary>
public class PatternPreprocessorTests
{
    // A flat region far from any line should be near zero once the background is gone; √-scaled Poisson-free input has no noise.
    private const float BackgroundResidual = 0.05f;

    private static readonly XrdPatternGrid Grid = new(20.0, 60.0, 401);

    private static (double[] TwoTheta, double[] Counts) Pattern(double start, double stop, double step, Func<double, double> counts)
    {
        int n = (int)Math.Round((stop - start) / step) + 1;
        double[] x = [.. Enumerable.Range(0, n).Select(i => start + (i * step))];
        return (x, [.. x.Select(counts)]);
    }

    [Fact]
    public void A_peak_on_a_sloping_background_keeps_its_peak_and_loses_the_background()
    {
        (double[] x, double[] y) = Pattern(15, 65, 0.02, t => 200.0 - (2.0 * t) + (5000.0 * Math.Exp(-0.5 * Math.Pow((t - 40.0) / 0.05, 2))));
        float[] output = new float[Grid.Points];

        new PatternPreprocessor(Grid).Process(x, y, output);

        int peak = (int)Math.Round((40.0 - Grid.Start) / Grid.Step);
        Assert.Equal(1f, output[peak], 3);
        Assert.True(output[10] < BackgroundResidual, $"background at 21° should be removed, got {output[10]}");
        Assert.True(output[^10] < BackgroundResidual, $"background at 59° should be removed, got {output[^10]}");
    }

    [Fact]
    public void A_sub_range_scan_leaves_the_grid_outside_it_empty()
    {
        (double[] x, double[] y) = Pattern(30, 40, 0.01, t => 10.0 + (1000.0 * Math.Exp(-0.5 * Math.Pow((t - 35.0) / 0.05, 2))));
        float[] output = new float[Grid.Points];

        new PatternPreprocessor(Grid, subtractBackground: false).Process(x, y, output);

        Assert.Equal(0f, output[0]);
        Assert.Equal(0f, output[^1]);
        Assert.Equal(1f, output.Max(), 6);
    }

    [Fact]
    public void Nan_counts_are_refused_naming_the_index()
    {
        (double[] x, double[] y) = Pattern(20, 60, 0.1, _ => 5.0);
        y[17] = double.NaN;

        ArgumentException error = Assert.Throws<ArgumentException>(() => new PatternPreprocessor(Grid).Process(x, y, new float[Grid.Points]));

        Assert.Contains("counts[17]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_counts_are_refused_naming_the_index()
    {
        (double[] x, double[] y) = Pattern(20, 60, 0.1, _ => 5.0);
        y[3] = -2.0;

        ArgumentException error = Assert.Throws<ArgumentException>(() => new PatternPreprocessor(Grid).Process(x, y, new float[Grid.Points]));

        Assert.Contains("counts[3] is negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_short_pattern_is_refused_with_the_minimum()
    {
        (double[] x, double[] y) = Pattern(20, 21, 0.1, _ => 5.0);

        ArgumentException error = Assert.Throws<ArgumentException>(() => new PatternPreprocessor(Grid).Process(x, y, new float[Grid.Points]));

        Assert.Contains($"at least {PatternPreprocessor.MinimumPoints}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decreasing_two_theta_is_refused_naming_the_index()
    {
        (double[] x, double[] y) = Pattern(20, 60, 0.1, _ => 5.0);
        x[40] = x[38];

        ArgumentException error = Assert.Throws<ArgumentException>(() => new PatternPreprocessor(Grid).Process(x, y, new float[Grid.Points]));

        Assert.Contains("two-theta[40]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_outside_the_grid_is_refused()
    {
        (double[] x, double[] y) = Pattern(100, 110, 0.1, _ => 5.0);

        ArgumentException error = Assert.Throws<ArgumentException>(() => new PatternPreprocessor(Grid).Process(x, y, new float[Grid.Points]));

        Assert.Contains("covers fewer than 2 points of the grid", error.Message, StringComparison.Ordinal);
    }
}
