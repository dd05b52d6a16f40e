using AutoLab.Analysis.PhaseIdentification;

namespace AutoLab.Analysis.Tests.PhaseIdentification;

/// <summary>The ensemble combiner averages members, zeroes the fractions of absent phases and reports the members' spread.</summary>
public class EnsembleCombinerTests
{
    private const double Tight = 1e-9;

    private static readonly string[] Names = ["a", "b", "c"];

    [Fact]
    public void Fractions_of_phases_below_the_presence_cut_are_zeroed_and_the_rest_renormalised()
    {
        // Presence logits: a, b present (σ(4) ≈ 0.98), c absent (σ(−4)); fraction logits equal, so softmax is 1/3 each.
        float[] member = [4f, 4f, -4f, 0f, 0f, 0f];

        PhasePrediction prediction = EnsembleCombiner.Combine([member], 1, Names, temperature: 1.0)[0];

        Assert.Equal([0.5, 0.5, 0.0], prediction.Fractions.ToArray(), new ToleranceComparer(Tight));
        Assert.Equal(0, prediction.TopPhase);
    }

    [Fact]
    public void Two_disagreeing_members_give_the_mean_presence_and_its_spread()
    {
        float[] first = [10f, -10f, -10f, 0f, 0f, 0f];
        float[] second = [-10f, -10f, -10f, 0f, 0f, 0f];

        PhasePrediction prediction = EnsembleCombiner.Combine([first, second], 1, Names, temperature: 1.0)[0];

        Assert.Equal(0.5, prediction.Presence[0], 1e-4);
        Assert.Equal(0.5, prediction.PresenceSpread[0], 1e-4);
        Assert.Equal(0.0, prediction.PresenceSpread[1], 1e-4);
    }

    [Fact]
    public void When_no_phase_reaches_the_cut_the_most_probable_gets_fraction_one()
    {
        float[] member = [-1f, -3f, -2f, 0f, 5f, 0f];

        PhasePrediction prediction = EnsembleCombiner.Combine([member], 1, Names, temperature: 1.0)[0];

        Assert.Equal([1.0, 0.0, 0.0], prediction.Fractions.ToArray());
    }

    [Fact]
    public void Temperature_scaling_recovers_the_temperature_that_generated_the_labels()
    {
        // Labels drawn with P(present) = σ(z / 2.5): the NLL-optimal temperature is 2.5 up to sampling error.
        const double trueTemperature = 2.5;
        const double sampling = 0.25;
        Random random = new(11);
        int rows = 4000;
        float[] output = new float[rows * 2];
        bool[] present = new bool[rows];
        for (int r = 0; r < rows; r++)
        {
            double z = (random.NextDouble() * 16.0) - 8.0;
            output[r * 2] = (float)z;
            present[r] = random.NextDouble() < TemperatureScaling.Sigmoid(z / trueTemperature);
        }

        double fitted = TemperatureScaling.Fit([output], present, rows, phases: 1);

        Assert.Equal(trueTemperature, fitted, sampling);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
