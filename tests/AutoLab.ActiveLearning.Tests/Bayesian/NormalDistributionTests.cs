using AutoLab.ActiveLearning.Bayesian;

namespace AutoLab.ActiveLearning.Tests.Bayesian;

/// <summary>Φ, erfc and the log-EI factor against tabulated values and across the switch to the tail formula.</summary>
public class NormalDistributionTests
{
    private const double RelativeTolerance = 1e-13;

    [Theory]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(1.5, 0.9331927987311419)]
    [InlineData(-5.0, 2.866515718791939e-7)]
    [InlineData(-10.0, 7.61985302416047e-24)]
    [InlineData(0.0, 0.5)]
    public void Cdf_matches_tabulated_values_to_relative_precision(double z, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Cdf(z), RelativeTolerance * expected);
    }

    [Fact]
    public void Log_h_is_continuous_across_the_tail_switch()
    {
        // The direct formula is still accurate just above −3; the continued fraction takes over below.
        double direct = Math.Log(NormalDistribution.Pdf(-2.9999999) + (-2.9999999 * NormalDistribution.Cdf(-2.9999999)));
        double tail = NormalDistribution.LogH(-3.0000001, out _);

        Assert.Equal(direct, tail, 1e-6);
    }

    [Fact]
    public void Log_h_far_in_the_tail_follows_the_asymptote()
    {
        // h(z) ≈ φ(z)/z² for z → −∞, so log h ≈ −z²/2 − log √(2π) − 2 log|z|.
        double z = -40.0;
        double value = NormalDistribution.LogH(z, out double slope);

        Assert.True(double.IsFinite(value));
        Assert.Equal((-0.5 * z * z) - (0.5 * Math.Log(2.0 * Math.PI)) - (2.0 * Math.Log(-z)), value, 2e-3);
        Assert.Equal(-z, slope, 0.1);
    }

    [Theory]
    [InlineData(-8.0)]
    [InlineData(-2.0)]
    [InlineData(0.5)]
    public void Log_h_and_log_cdf_slopes_match_finite_differences(double z)
    {
        const double Step = 1e-6;
        NormalDistribution.LogH(z, out double hSlope);
        NormalDistribution.LogCdf(z, out double cdfSlope);

        double hNumeric = (NormalDistribution.LogH(z + Step, out _) - NormalDistribution.LogH(z - Step, out _)) / (2.0 * Step);
        double cdfNumeric = (NormalDistribution.LogCdf(z + Step, out _) - NormalDistribution.LogCdf(z - Step, out _)) / (2.0 * Step);

        Assert.Equal(hNumeric, hSlope, 1e-6 * Math.Max(1.0, Math.Abs(hNumeric)));
        Assert.Equal(cdfNumeric, cdfSlope, 1e-6 * Math.Max(1.0, Math.Abs(cdfNumeric)));
    }
}
