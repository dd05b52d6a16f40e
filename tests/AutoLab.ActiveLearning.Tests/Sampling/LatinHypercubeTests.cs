using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Tests.Sampling;

/// <summary>Latin hypercube designs hit every stratum of every axis once, and maximin spreads them.</summary>
public class LatinHypercubeTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(10, 4)]
    [InlineData(97, 6)]
    public void Every_stratum_of_every_axis_is_hit_exactly_once(int samples, int dimension)
    {
        double[][] design = LatinHypercube.Design(samples, dimension, new SplitMix64(1));

        for (int d = 0; d < dimension; d++)
        {
            int[] strata = [.. design.Select(row => (int)(row[d] * samples)).Order()];
            Assert.Equal(Enumerable.Range(0, samples), strata);
        }
    }

    [Fact]
    public void Points_are_at_random_positions_inside_their_strata()
    {
        double[][] design = LatinHypercube.Design(50, 1, new SplitMix64(2));
        double[] offsets = [.. design.Select(row => (row[0] * 50) - Math.Floor(row[0] * 50))];

        Assert.True(offsets.Distinct().Count() == 50, "each point has its own offset within its stratum");
        Assert.InRange(offsets.Average(), 0.3, 0.7);
    }

    [Fact]
    public void Maximin_keeps_the_design_with_the_largest_minimum_distance()
    {
        SplitMix64 fresh = new(3);
        double[] distances = [.. Enumerable.Range(0, 20).Select(_ => LatinHypercube.MinimumDistance(LatinHypercube.Design(30, 3, fresh)))];

        double[][] chosen = LatinHypercube.MaximinDesign(30, 3, 20, new SplitMix64(3));

        Assert.Equal(distances.Max(), LatinHypercube.MinimumDistance(chosen));
        Assert.True(distances.Max() > distances[0], "with 20 draws the best should beat the first");
    }
}
