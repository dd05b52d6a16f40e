using AutoLab.Orchestrator.Campaigns;

namespace AutoLab.IntegrationTests;

/// <summary>
/// One calibration trajectory answers every stop threshold and window budget: the run stops at the first scan
/// whose confidence reaches the threshold, or after the budget's last window.
/// </summary>
public sealed class AdaptiveXrdCalibrationTests
{
    private static readonly AdaptiveXrdCalibration.Trajectory Run = new(
        Seconds: [1.0, 1.5, 2.0, 2.5, 3.0],
        Correct: [false, false, true, true, true],
        Confidence: [0.72, 0.81, 0.88, 0.93, 0.96]);

    [Theory]
    [InlineData(0.7, 4, 0)]
    [InlineData(0.8, 4, 1)]
    [InlineData(0.9, 4, 3)]
    [InlineData(0.95, 4, 4)]
    [InlineData(0.99, 4, 4)]
    [InlineData(0.9, 2, 2)]
    [InlineData(0.99, 1, 1)]
    public void A_run_stops_at_the_first_confident_scan_or_after_its_window_budget(double threshold, int budget, int expected)
    {
        Assert.Equal(expected, Run.StopAt(threshold, budget));
    }

    [Fact]
    public void A_trajectory_that_ended_early_stops_at_its_last_scan()
    {
        AdaptiveXrdCalibration.Trajectory confidentAtOnce = new([1.0], [true], [1.0]);

        Assert.Equal(0, confidentAtOnce.StopAt(0.95, 4));
    }
}
