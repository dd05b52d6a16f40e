using AutoLab.Analysis.Metrics;

namespace AutoLab.Analysis.Tests.Metrics;

/// <summary>Expected calibration error matches hand-computed values on toy predictions.</summary>
public class CalibrationErrorTests
{
    private const double Exact = 1e-12;

    [Fact]
    public void Top_label_ece_of_a_toy_example_matches_the_hand_value()
    {
        // Bin of 0.9 (bin 13 of 15): 4 samples, accuracy 0.75 → |0.75 − 0.9| · 4/6 = 0.1.
        // Bin of 0.6 (bin 9): 2 samples, accuracy 0.5 → |0.5 − 0.6| · 2/6 = 0.0333…
        double[] confidence = [0.9, 0.9, 0.9, 0.9, 0.6, 0.6];
        bool[] correct = [true, true, true, false, true, false];

        double ece = CalibrationError.TopLabel(confidence, correct);

        Assert.Equal(0.1 + (0.1 / 3.0), ece, Exact);
    }

    [Fact]
    public void Predictions_whose_accuracy_equals_their_confidence_have_zero_ece()
    {
        double[] confidence = [0.75, 0.75, 0.75, 0.75, 1.0];
        bool[] correct = [true, true, true, false, true];

        Assert.Equal(0.0, CalibrationError.TopLabel(confidence, correct), Exact);
    }

    [Fact]
    public void Binary_ece_compares_mean_probability_with_observed_presence()
    {
        // One bin at p = 0.2 with 1 of 5 present: calibrated. One bin at p = 0.95 with 2 of 2 present: 0.05 · 2/7.
        double[] p = [0.2, 0.2, 0.2, 0.2, 0.2, 0.95, 0.95];
        bool[] present = [true, false, false, false, false, true, true];

        Assert.Equal(0.05 * 2.0 / 7.0, CalibrationError.Binary(p, present), Exact);
    }

    [Fact]
    public void A_confidence_outside_the_unit_interval_is_refused_by_index()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => CalibrationError.TopLabel([0.5, 1.5], [true, false]));

        Assert.Contains("confidence[1]", error.Message, StringComparison.Ordinal);
    }
}
