using AutoLab.Simulators.Behaviour;
using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Xrd;

/// <summary>Counting statistics: same seed same pattern, noise relative to the signal falls as 1/√t, and a sub-range can be counted longer.</summary>
public sealed class CountingTests
{
    // With ~4,000 points the standard deviation of a noise estimate is about 1 %; 5 % leaves room for that.
    private const double NoiseRatioTolerance = 0.05;
    private const double ExpectedTolerance = 1e-9;
    private const double SubRangeNoiseTolerance = 0.2;

    private static readonly PhaseContribution[] Silicon = [new(BuiltInStructures.Get("Si"), 1.0)];
    private readonly PowderPatternSimulator _simulator = new();
    private readonly DiffractometerSettings _settings = new();

    [Fact]
    public void Same_seed_gives_the_same_pattern_and_another_seed_does_not()
    {
        var range = new ScanRange(20, 80, 0.02, 1.0);

        var first = _simulator.Measure(Silicon, _settings, range, RandomStreams.For(7, "sample-1"));
        var again = _simulator.Measure(Silicon, _settings, range, RandomStreams.For(7, "sample-1"));
        var other = _simulator.Measure(Silicon, _settings, range, RandomStreams.For(8, "sample-1"));

        Assert.Equal(first.Counts, again.Counts);
        Assert.NotEqual(first.Counts, other.Counts);
        Assert.All(first.Counts, c => Assert.Equal(Math.Round(c), c));
    }

    [Fact]
    public void Relative_noise_falls_as_one_over_root_counting_time()
    {
        var shortCount = new ScanRange(20, 100, 0.02, 1.0);
        var longCount = new ScanRange(20, 100, 0.02, 16.0);

        var shortNoise = RelativeNoise(shortCount, 1);
        var longNoise = RelativeNoise(longCount, 2);

        // σ(N)/N = 1/√(rate·t): sixteen times the time gives a quarter of the relative noise.
        Assert.Equal(4.0, shortNoise / longNoise, 4.0 * NoiseRatioTolerance);
    }

    [Fact]
    public void A_sub_range_counted_longer_has_the_same_expected_rate_and_less_noise()
    {
        var survey = new ScanRange(20, 80, 0.02, 1.0);
        var detail = new ScanRange(46, 49, 0.02, 25.0);

        var surveyRate = Rate(_simulator.Expected(Silicon, _settings, survey));
        var detailRate = Rate(_simulator.Expected(Silicon, _settings, detail));

        var offset = (int)Math.Round((46 - 20) / 0.02);
        for (var i = 0; i < detail.Points; i++)
        {
            Assert.Equal(surveyRate[offset + i], detailRate[i], ExpectedTolerance * Math.Max(1, surveyRate[offset + i]));
        }

        // On the same points, 25 times the counting time gives a fifth of the relative noise (151 points: ~6 % scatter).
        var sameRangeShortCount = new ScanRange(46, 49, 0.02, 1.0);
        Assert.Equal(5.0, RelativeNoise(sameRangeShortCount, 3) / RelativeNoise(detail, 4), 5.0 * SubRangeNoiseTolerance);
    }

    private double RelativeNoise(ScanRange range, int seed)
    {
        var expected = _simulator.Expected(Silicon, _settings, range);
        var measured = _simulator.Measure(Silicon, _settings, range, RandomStreams.For(seed, "noise"));
        // Pearson residuals (N − E)/√E have unit variance for Poisson counts; dividing by √E gives σ/N.
        double sum = 0;
        for (var i = 0; i < range.Points; i++)
        {
            var e = expected.Counts[i];
            sum += (measured.Counts[i] - e) * (measured.Counts[i] - e) / (e * e);
        }

        return Math.Sqrt(sum / range.Points);
    }

    private static double[] Rate(PowderPattern pattern) => [.. pattern.Counts.Select(c => c / pattern.CountTime)];
}
