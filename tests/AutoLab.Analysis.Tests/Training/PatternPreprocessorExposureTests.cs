using AutoLab.Analysis.Adaptive;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Tests.Training;

/// <summary>The exposure channel: each point's counting noise beside the pattern, so a window counted longer reads as less noisy.</summary>
public class PatternPreprocessorExposureTests
{
    private static readonly XrdPatternGrid Grid = new(20.0, 60.0, 401);

    private static readonly PatternPreprocessor OneChannel = new(Grid);

    private static readonly PatternPreprocessor TwoChannels = new(Grid, exposureChannel: true);

    // Noise-free counts of one line at 40° on a flat background, for `seconds` of counting per point.
    private static PowderPattern Scan(double start, double stop, double seconds)
    {
        int points = (int)Math.Round((stop - start) / Grid.Step) + 1;
        double[] twoTheta = [.. Enumerable.Range(0, points).Select(i => start + (i * Grid.Step))];
        return new PowderPattern(twoTheta, [.. twoTheta.Select(t => seconds * (50.0 + (400.0 * Math.Exp(-0.5 * Math.Pow((t - 40.0) / 0.2, 2)))))], seconds);
    }

    // The channel holds σ / (σ + NoiseScale); this inverts it.
    private static double Sigma(float channel) => channel * PatternPreprocessor.NoiseScale / (1 - channel);

    [Fact]
    public void The_first_channel_is_the_one_channel_input_whatever_the_count_time()
    {
        PowderPattern scan = Scan(20.0, 60.0, 0.5);

        float[] one = OneChannel.Process(scan);
        float[] two = TwoChannels.Process(scan);

        Assert.Equal(Grid.Points, one.Length);
        Assert.Equal(2 * Grid.Points, two.Length);
        Assert.Equal(one, two[..Grid.Points]);
    }

    [Fact]
    public void A_longer_count_reads_as_less_noise_and_an_unmeasured_point_as_none_measured()
    {
        float[] short1 = TwoChannels.Process(Scan(20.0, 50.0, 0.1));
        float[] long1 = TwoChannels.Process(Scan(20.0, 50.0, 1.6));
        int inside = Grid.Points + 100;
        int outside = Grid.Points + 380;

        // 16× the time quarters σ = 1/(2 M √t).
        Assert.Equal(4.0, Sigma(short1[inside]) / Sigma(long1[inside]), 3);
        Assert.Equal(1f, short1[outside]);
        Assert.Equal(1f, long1[outside]);
    }

    [Fact]
    public void A_merged_window_counted_longer_is_marked_where_it_lies()
    {
        AdaptiveXrdMeasurement measurement = new(Grid);
        measurement.Add(Scan(20.0, 60.0, 0.1));
        measurement.Add(Scan(38.0, 42.0, 0.8));

        float[] input = TwoChannels.Process(measurement.ToPattern());

        float fast = input[Grid.Points + 50];
        float window = input[Grid.Points + 200];
        // 0.1 s + 0.8 s at the window: 9× the exposure, a third of the noise.
        Assert.Equal(3.0, Sigma(fast) / Sigma(window), 3);
        Assert.Equal(fast, input[Grid.Points + 350], 5);
    }

    [Fact]
    public void A_two_channel_preprocessor_refuses_counts_without_their_times()
    {
        PowderPattern scan = Scan(20.0, 60.0, 0.1);

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => TwoChannels.Process([.. scan.TwoTheta], [.. scan.Counts], new float[TwoChannels.InputWidth]));

        Assert.Contains("counting time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_positive_exposure_is_refused_by_index()
    {
        PowderPattern scan = Scan(20.0, 60.0, 0.1);
        double[] exposure = [.. Enumerable.Repeat(0.1, scan.Counts.Count)];
        exposure[7] = 0.0;

        ArgumentException error = Assert.Throws<ArgumentException>(() => TwoChannels.Process([.. scan.TwoTheta], [.. scan.Counts], exposure, new float[TwoChannels.InputWidth]));

        Assert.Contains("exposure[7]", error.Message, StringComparison.Ordinal);
    }
}
