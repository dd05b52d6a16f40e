using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Tests.Training;

/// <summary>
/// Training on merged adaptive measurements: without windows the merged pattern is the plain scan, with windows
/// the set changes but stays repeatable and keeps its labels, and bad window settings are refused.
/// </summary>
public class XrdWindowSamplerTests
{
    // Merged patterns are counts / exposure instead of counts; after the preprocessor's square root and division
    // by the maximum the two differ only by float rounding.
    private const float PreprocessedTolerance = 1e-5f;

    private static readonly XrdTrainingSetOptions Plain = new() { Grid = new XrdPatternGrid(20.0, 80.0, 480), MinimumCountTime = 1e-3, MaximumCountTime = 1e-2 };

    private static XrdTrainingSet Generate(XrdTrainingSetOptions options, int count, long seed) =>
        new XrdTrainingSetGenerator(XrdTrainingSetGenerator.FeNiAlPhases(), options).Generate(count, seed);

    private static float LargestDifference(XrdTrainingSet a, XrdTrainingSet b, int row)
    {
        float largest = 0f;
        ReadOnlySpan<float> x = a.Input(row);
        ReadOnlySpan<float> y = b.Input(row);
        for (int i = 0; i < x.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(x[i] - y[i]));
        }

        return largest;
    }

    [Fact]
    public void With_no_windows_allowed_the_merged_pattern_is_the_plain_scan()
    {
        XrdTrainingSet plain = Generate(Plain, 10, seed: 5);
        XrdTrainingSet merged = Generate(Plain with { Windows = new XrdWindowOptions { MaxWindows = 0 } }, 10, seed: 5);

        for (int row = 0; row < plain.Count; row++)
        {
            Assert.True(LargestDifference(plain, merged, row) <= PreprocessedTolerance, $"row {row}: the full scan of a merged pattern uses the plain scan's noise stream, so they must agree");
        }
    }

    [Fact]
    public void Windows_change_patterns_repeatably_and_keep_the_labels()
    {
        XrdTrainingSetOptions windowed = Plain with { Windows = new XrdWindowOptions { MaxWindows = 4 } };
        XrdTrainingSet plain = Generate(Plain, 16, seed: 9);
        XrdTrainingSet merged = Generate(windowed, 16, seed: 9);
        XrdTrainingSet again = Generate(windowed, 16, seed: 9);

        Assert.Equal(merged.Inputs, again.Inputs);
        Assert.Equal(plain.Fractions, merged.Fractions);
        int changed = Enumerable.Range(0, plain.Count).Count(row => LargestDifference(plain, merged, row) > PreprocessedTolerance);
        // Each pattern gets 0 … 4 windows uniformly, so about four in five of 16 change; at least a quarter must.
        Assert.True(changed >= 4, $"only {changed} of 16 patterns changed with up to 4 windows each");
        Assert.All(merged.Inputs, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void The_exposure_channel_shows_a_span_as_one_long_run_and_segments_as_several_short_ones()
    {
        XrdWindowOptions one = new() { MaxWindows = 1, LineCentredShare = 1.0 };
        int spanPoints = (int)Math.Round(one.Width / Plain.Grid.Step) + 1;

        List<int[]> spans = WindowRuns(Generate(Plain with { ExposureChannel = true, Windows = one }, 24, seed: 3));
        List<int[]> segments = WindowRuns(Generate(Plain with { ExposureChannel = true, Windows = one with { SegmentWidth = 0.5 } }, 24, seed: 3));

        Assert.NotEmpty(spans);
        Assert.NotEmpty(segments);
        Assert.All(spans, runs => Assert.Equal(spanPoints, Assert.Single(runs)));
        Assert.All(segments, runs => Assert.True(runs.Sum() <= spanPoints && runs.Max() < spanPoints, $"segment runs [{string.Join(", ", runs)}] should be short and use at most the span's {spanPoints} points"));
        Assert.Contains(segments, runs => runs.Length >= 3);
    }

    // For each row with a window: the lengths of the runs of grid points counted longer than the fast scan (their
    // exposure channel below the fast scan's value, which is the channel's largest over the measured points).
    private static List<int[]> WindowRuns(XrdTrainingSet set)
    {
        List<int[]> rows = [];
        for (int row = 0; row < set.Count; row++)
        {
            ReadOnlySpan<float> noise = set.Input(row)[set.Grid.Points..];
            float fast = 0f;
            foreach (float value in noise)
            {
                fast = value < 1f ? Math.Max(fast, value) : fast;
            }

            List<int> runs = [];
            int run = 0;
            foreach (float value in noise)
            {
                if (value < fast * 0.99f)
                {
                    run++;
                }
                else if (run > 0)
                {
                    runs.Add(run);
                    run = 0;
                }
            }

            if (run > 0)
            {
                runs.Add(run);
            }

            if (runs.Count > 0)
            {
                rows.Add([.. runs]);
            }
        }

        return rows;
    }

    [Theory]
    [InlineData(-1, 4.0, 8.0, 0.5)]
    [InlineData(2, 0.0, 8.0, 0.5)]
    [InlineData(2, 4.0, 0.5, 0.5)]
    [InlineData(2, 4.0, 8.0, 1.5)]
    public void Invalid_window_settings_are_refused(int maxWindows, double width, double factor, double lineShare)
    {
        XrdTrainingSetOptions options = Plain with { Windows = new XrdWindowOptions { MaxWindows = maxWindows, Width = width, CountFactor = factor, LineCentredShare = lineShare } };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public void A_sampler_needs_window_settings()
    {
        Assert.Throws<ArgumentException>(() => new XrdWindowSampler(XrdTrainingSetGenerator.FeNiAlPhases(), Plain, new PowderPatternSimulator()));
    }
}
