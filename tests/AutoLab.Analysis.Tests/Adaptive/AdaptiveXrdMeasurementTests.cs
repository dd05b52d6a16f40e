using AutoLab.Analysis.Adaptive;
using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Tests.Adaptive;

/// <summary>Merging a fast scan with a longer window keeps counts per second, so windows fit into the fast pattern.</summary>
public class AdaptiveXrdMeasurementTests
{
    // Expected (noise-free) counts divide back to the same rate up to rounding.
    private const double RateTolerance = 1e-9;

    private static readonly XrdPatternGrid Grid = new(20.0, 80.0, 480);

    [Fact]
    public void A_window_counted_eight_times_longer_keeps_the_per_second_intensity()
    {
        PowderPatternSimulator simulator = new();
        PhaseContribution[] sample = [new PhaseContribution(BuiltInStructures.Get("Al"), 1.0)];
        DiffractometerSettings instrument = new();
        AdaptiveXrdMeasurement fastOnly = new(Grid);
        fastOnly.Add(simulator.Expected(sample, instrument, AdaptiveXrdPolicy.FullScan(Grid, 0.05)));
        AdaptiveXrdMeasurement merged = new(Grid);
        merged.Add(simulator.Expected(sample, instrument, AdaptiveXrdPolicy.FullScan(Grid, 0.05)));
        ScanRange window = new(Grid.At(100), Grid.At(160) + (Grid.Step * 0.5), Grid.Step, 0.4);

        merged.Add(simulator.Expected(sample, instrument, window));

        for (int i = 0; i < Grid.Points; i++)
        {
            Assert.Equal(fastOnly.Rate(i), merged.Rate(i), RateTolerance);
        }

        Assert.Equal(0.45, merged.Exposure(130), RateTolerance);
        Assert.Equal(0.05, merged.Exposure(50), RateTolerance);
        Assert.Equal((Grid.Points * 0.05) + (61 * 0.4), merged.TotalSeconds, RateTolerance);
        PowderPattern pattern = merged.ToPattern();
        Assert.Equal(Grid.Points, pattern.TwoTheta.Count);
        Assert.Equal(merged.Rate(130), pattern.Counts[130], RateTolerance);
    }

    [Fact]
    public void A_scan_off_the_grid_is_refused()
    {
        AdaptiveXrdMeasurement measurement = new(Grid);
        PowderPattern offGrid = new([20.0 + (Grid.Step * 0.5), 20.0 + (Grid.Step * 1.5)], [1.0, 2.0], 1.0);

        Assert.Throws<ArgumentException>(() => measurement.Add(offGrid));
    }
}
