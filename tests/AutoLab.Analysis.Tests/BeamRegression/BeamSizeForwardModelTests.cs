using AutoLab.Analysis.BeamRegression;

namespace AutoLab.Analysis.Tests.BeamRegression;

/// <summary>The beam-size forward model has the published field law, realistic magnitudes and smooth gap dependence.</summary>
public class BeamSizeForwardModelTests
{
    // Hand calculation of the Elleaume–Chavanne–Faatz fit at g/λu = 0.5 to four digits.
    private const double FieldTolerance = 1e-3;

    // Relative: the source point's open-gap size follows from the ring parameters alone.
    private const double OpenGapTolerance = 0.02;

    [Fact]
    public void The_halbach_fit_gives_the_hand_computed_field_and_K()
    {
        // B0 = 3.694 exp(−5.068·0.5 + 1.520·0.25) = 0.42857 T; K = 0.9337 · B0 · 5 cm.
        double field = HalbachField.PeakField(25.0, 50.0);
        Assert.True(Math.Abs(field - 0.42857) < FieldTolerance, $"B0 = {field} T");
        Assert.True(Math.Abs(HalbachField.DeflectionParameter(25.0, 50.0) - (0.9337 * 0.42857 * 5.0)) < FieldTolerance);
    }

    [Fact]
    public void Closing_a_gap_raises_the_field_continuously_past_one_period()
    {
        double previous = double.PositiveInfinity;
        for (double gap = 5.0; gap <= 150.0; gap += 0.5)
        {
            double field = HalbachField.PeakField(gap, 50.0);
            Assert.True(field < previous, $"field must fall as the gap opens (gap {gap} mm)");
            previous = field;
        }

        double below = HalbachField.PeakField(49.999, 50.0), above = HalbachField.PeakField(50.001, 50.0);
        Assert.True(Math.Abs(below - above) < 1e-5, "the continuation beyond g = λu joins the fit without a jump");
    }

    [Fact]
    public void Beam_sizes_have_als_like_magnitudes()
    {
        BeamSizeForwardModel model = BeamSizeForwardModel.AlsLike();
        BeamSizeDataset data = BeamSizeDataGenerator.Generate(model, 500, 1, relativeNoise: 0.0);
        for (int r = 0; r < data.Rows; r++)
        {
            Assert.InRange(data.TrueSizesMicrons[2 * r], 80.0, 130.0);
            Assert.InRange(data.TrueSizesMicrons[(2 * r) + 1], 3.0, 12.0);
        }
    }

    [Fact]
    public void Open_gaps_give_the_unperturbed_vertical_size()
    {
        BeamSizeForwardModel model = BeamSizeForwardModel.AlsLike();
        double[] open = [.. model.Devices.Select(_ => 1000.0)];
        BeamSize size = model.Evaluate(open);
        double expected = Math.Sqrt(model.BaseCoupling / (1.0 + model.BaseCoupling) * model.NaturalEmittance * model.BetaY) * 1e6;
        Assert.True(Math.Abs((size.SigmaYMicrons / expected) - 1.0) < OpenGapTolerance, $"σy {size.SigmaYMicrons} µm vs {expected} µm");
    }

    [Fact]
    public void Closing_the_gaps_changes_the_vertical_size_by_percent()
    {
        BeamSizeForwardModel model = BeamSizeForwardModel.AlsLike();
        BeamSize open = model.Evaluate([.. model.Devices.Select(d => d.MaxGapMm)]);
        BeamSize closed = model.Evaluate([.. model.Devices.Select(d => d.MinGapMm)]);
        double change = Math.Abs((closed.SigmaYMicrons / open.SigmaYMicrons) - 1.0);
        Assert.InRange(change, 0.01, 0.5);
    }

    [Fact]
    public void The_same_seed_gives_the_same_data_and_a_bad_gap_is_named()
    {
        BeamSizeForwardModel model = BeamSizeForwardModel.AlsLike();
        Assert.Equal(BeamSizeDataGenerator.Generate(model, 20, 4).SizesMicrons, BeamSizeDataGenerator.Generate(model, 20, 4).SizesMicrons);
        double[] gaps = [.. model.Devices.Select(d => d.MaxGapMm)];
        gaps[2] = double.NaN;
        ArgumentException error = Assert.Throws<ArgumentException>(() => model.Evaluate(gaps));
        Assert.Contains("gap 2 (U80)", error.Message, StringComparison.Ordinal);
    }
}
