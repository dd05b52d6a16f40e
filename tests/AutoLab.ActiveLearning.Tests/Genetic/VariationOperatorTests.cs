using AutoLab.ActiveLearning.Genetic;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Tests.Genetic;

/// <summary>SBX and polynomial mutation keep children inside the bounds and behave as their parameters say.</summary>
public sealed class VariationOperatorTests
{
    [Fact]
    public void Sbx_children_stay_in_bounds_and_a_large_index_keeps_them_near_their_parents()
    {
        SplitMix64 random = new(7);
        double[] lower = [0.0, -1.0];
        double[] upper = [1.0, 1.0];
        for (int trial = 0; trial < 2000; trial++)
        {
            double[] a = [random.NextDouble(), (2.0 * random.NextDouble()) - 1.0];
            double[] b = [random.NextDouble(), (2.0 * random.NextDouble()) - 1.0];
            double[] parentA = [.. a];
            double[] parentB = [.. b];
            double eta = trial % 2 == 0 ? 20.0 : 1e5;
            SimulatedBinaryCrossover.Apply(a, b, lower, upper, eta, random);
            for (int i = 0; i < 2; i++)
            {
                Assert.InRange(a[i], lower[i], upper[i]);
                Assert.InRange(b[i], lower[i], upper[i]);
                if (eta > 20.0)
                {
                    // With η = 1e5 the spread factor is within about 1e-4 of 1, so each child sits on a parent (either side).
                    double lo = Math.Min(parentA[i], parentB[i]);
                    double hi = Math.Max(parentA[i], parentB[i]);
                    double slack = 1e-3 * (hi - lo);
                    Assert.True(Math.Min(a[i], b[i]) >= lo - slack && Math.Min(a[i], b[i]) <= lo + slack, "a child left its parent");
                    Assert.True(Math.Max(a[i], b[i]) >= hi - slack && Math.Max(a[i], b[i]) <= hi + slack, "a child left its parent");
                }
            }
        }
    }

    [Fact]
    public void Mutation_with_probability_zero_changes_nothing_and_otherwise_stays_in_bounds()
    {
        SplitMix64 random = new(8);
        double[] lower = [0.0, 0.0, 0.0];
        double[] upper = [1.0, 2.0, 3.0];
        double[] x = [0.5, 1.0, 1.5];
        PolynomialMutation.Apply(x, lower, upper, 20.0, 0.0, random);
        Assert.Equal([0.5, 1.0, 1.5], x);

        int changed = 0;
        for (int trial = 0; trial < 1000; trial++)
        {
            double[] y = [0.0, 2.0, 1.5];
            PolynomialMutation.Apply(y, lower, upper, 20.0, 1.0, random);
            for (int i = 0; i < 3; i++)
            {
                Assert.InRange(y[i], lower[i], upper[i]);
            }

            changed += y[2] != 1.5 ? 1 : 0;
        }

        Assert.Equal(1000, changed);
    }
}
