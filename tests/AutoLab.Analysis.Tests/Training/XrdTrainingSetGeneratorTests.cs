using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Tests.Training;

/// <summary>The training-set generator is repeatable by seed, its labels are consistent and its strain moves lines as Bragg's law says.</summary>
public class XrdTrainingSetGeneratorTests
{
    // Fractions are stored as float: a row sums to 1 within float rounding of three terms.
    private const double FractionSumTolerance = 1e-6;

    // Peak located by a parabola through the three highest points of a 0.005° grid.
    private const double PeakPositionTolerance = 0.003;

    private static readonly XrdTrainingSetOptions Small = new() { Grid = new XrdPatternGrid(20.0, 80.0, 600) };

    private static XrdTrainingSetGenerator Generator(XrdTrainingSetOptions? options = null) =>
        new(XrdTrainingSetGenerator.FeNiAlPhases(), options ?? Small);

    [Fact]
    public void The_same_seed_gives_the_same_set_and_another_seed_a_different_one()
    {
        XrdTrainingSet first = Generator().Generate(24, seed: 7);
        XrdTrainingSet again = Generator().Generate(24, seed: 7);
        XrdTrainingSet other = Generator().Generate(24, seed: 8);

        Assert.Equal(first.Inputs, again.Inputs);
        Assert.Equal(first.Fractions, again.Fractions);
        Assert.NotEqual(first.Fractions, other.Fractions);
    }

    [Fact]
    public void Single_phase_patterns_are_labelled_with_fraction_one()
    {
        XrdTrainingSet set = Generator(Small with { PhaseCountProportions = [1.0] }).Generate(20, seed: 1);

        for (int i = 0; i < set.Count; i++)
        {
            float[] row = set.Fraction(i).ToArray();
            Assert.Equal(1, row.Count(f => f > 0));
            Assert.Equal(1f, row.Max());
            Assert.Equal(set.Draws[i].Phases[0].Index, Array.IndexOf(row, 1f));
        }
    }

    [Fact]
    public void Mixture_fractions_sum_to_one_and_respect_the_minimum_fraction()
    {
        XrdTrainingSetOptions options = Small with { PhaseCountProportions = [0.0, 0.5, 0.5], MinimumFraction = 0.1 };
        XrdTrainingSet set = Generator(options).Generate(30, seed: 3);

        for (int i = 0; i < set.Count; i++)
        {
            float[] row = set.Fraction(i).ToArray();
            int present = row.Count(f => f > 0);
            Assert.InRange(present, 2, 3);
            Assert.Equal(1.0, row.Sum(f => (double)f), FractionSumTolerance);
            Assert.True(row.Where(f => f > 0).All(f => f >= 0.1f - 1e-6f), $"row {i} has a fraction below the minimum: {string.Join(", ", row)}");
        }
    }

    [Fact]
    public void Inputs_are_normalised_to_a_maximum_of_one()
    {
        XrdTrainingSet set = Generator().Generate(10, seed: 5);

        for (int i = 0; i < set.Count; i++)
        {
            Assert.Equal(1f, set.Input(i).ToArray().Max());
            Assert.True(set.Input(i).ToArray().Min() >= 0f);
        }

        Assert.True(set.PatternsPerSecond > 0);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(-0.015)]
    public void Isotropic_strain_moves_the_alpha_iron_110_line_as_braggs_law_says(double strain)
    {
        XrdTrainingSetOptions fine = Small with { Grid = new XrdPatternGrid(40.0, 50.0, 2001) };
        XrdTrainingSetGenerator generator = Generator(fine);
        int iron = generator.PhaseNames.ToList().IndexOf("alpha-Fe");
        XrdSampleDraw draw = new([new XrdDrawnPhase(iron, 1.0, 0.0, strain, 0.0, 1000.0)], new DiffractometerSettings { Background = [0.0] }, 1.0);

        PowderPattern pattern = generator.Expected(draw);

        double d110 = 2.8665 / Math.Sqrt(2.0) * (1.0 + strain);
        double expected = 2.0 * Math.Asin(DiffractometerSettings.CopperKAlpha1 / (2.0 * d110)) * 180.0 / Math.PI;
        Assert.Equal(expected, PeakPosition(pattern), PeakPositionTolerance);
    }

    private static double PeakPosition(PowderPattern pattern)
    {
        int best = 1;
        for (int i = 1; i < pattern.Counts.Count - 1; i++)
        {
            best = pattern.Counts[i] > pattern.Counts[best] ? i : best;
        }

        double a = pattern.Counts[best - 1], b = pattern.Counts[best], c = pattern.Counts[best + 1];
        double offset = 0.5 * (a - c) / (a - (2.0 * b) + c);
        double step = pattern.TwoTheta[1] - pattern.TwoTheta[0];
        return pattern.TwoTheta[best] + (offset * step);
    }
}
