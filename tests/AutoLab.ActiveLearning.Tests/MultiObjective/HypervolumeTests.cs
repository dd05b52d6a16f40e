using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.Sampling;

namespace AutoLab.ActiveLearning.Tests.MultiObjective;

/// <summary>The hypervolume is exact: hand-computed sets and inclusion–exclusion on random sets agree with it.</summary>
public sealed class HypervolumeTests
{
    private const double ExactTolerance = 1e-12;

    [Fact]
    public void Three_staircase_points_in_2D_cover_six_units()
    {
        // Strips: (4−1)(4−3) + (4−2)(3−2) + (4−3)(2−1) = 3 + 2 + 1.
        Assert.Equal(6.0, Hypervolume.Compute([[1.0, 3.0], [2.0, 2.0], [3.0, 1.0]], [4.0, 4.0]), ExactTolerance);
    }

    [Fact]
    public void Dominated_and_outside_points_add_nothing()
    {
        double baseline = Hypervolume.Compute([[1.0, 3.0], [3.0, 1.0]], [4.0, 4.0]);
        double withExtras = Hypervolume.Compute([[1.0, 3.0], [3.0, 1.0], [3.5, 3.5], [5.0, 0.0], [1.0, 3.0]], [4.0, 4.0]);
        Assert.Equal(baseline, withExtras, ExactTolerance);
        Assert.Equal(0.0, Hypervolume.Compute([], [1.0, 1.0]));
    }

    [Fact]
    public void Two_overlapping_boxes_in_3D_cover_their_union()
    {
        // a = (1,1,2): 2·2·1 = 4; b = (2,2,1): 1·1·2 = 2; overlap from (2,2,2): 1; union 5.
        Assert.Equal(5.0, Hypervolume.Compute([[1.0, 1.0, 2.0], [2.0, 2.0, 1.0]], [3.0, 3.0, 3.0]), ExactTolerance);
    }

    [Fact]
    public void The_three_unit_axis_points_in_3D_cover_a_hand_computed_volume()
    {
        // Points (0,1,1), (1,0,1), (1,1,0) with reference (2,2,2): each box is 2·1·1 = 2; pairwise overlaps are
        // 1·1·1 = 1 (from (1,1,1)); the triple overlap is also 1. Union = 6 − 3 + 1 = 4.
        Assert.Equal(4.0, Hypervolume.Compute([[0.0, 1.0, 1.0], [1.0, 0.0, 1.0], [1.0, 1.0, 0.0]], [2.0, 2.0, 2.0]), ExactTolerance);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    public void Random_sets_agree_with_inclusion_exclusion(int objectives, long seed)
    {
        SplitMix64 random = new((ulong)seed);
        List<double[]> points = [];
        for (int i = 0; i < 9; i++)
        {
            points.Add([.. Enumerable.Range(0, objectives).Select(_ => random.NextDouble())]);
        }

        double[] reference = Enumerable.Repeat(1.2, objectives).ToArray();
        Assert.Equal(InclusionExclusion(points, reference), Hypervolume.Compute(points, reference), 1e-10);
    }

    [Fact]
    public void A_NaN_objective_or_an_infinite_reference_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Hypervolume.Compute([[double.NaN, 1.0]], [2.0, 2.0]));
        Assert.Throws<ArgumentException>(() => Hypervolume.Compute([[1.0, 1.0]], [double.PositiveInfinity, 2.0]));
        Assert.Throws<ArgumentException>(() => Hypervolume.Compute([[1.0, 1.0, 1.0]], [2.0, 2.0]));
    }

    private static double InclusionExclusion(List<double[]> points, double[] reference)
    {
        // Σ over non-empty subsets of (−1)^{|S|+1} · volume of the box from the subset's componentwise maximum to the reference.
        double total = 0.0;
        int n = points.Count;
        for (int mask = 1; mask < 1 << n; mask++)
        {
            double[] corner = new double[reference.Length];
            int size = 0;
            for (int i = 0; i < n; i++)
            {
                if ((mask & (1 << i)) == 0)
                {
                    continue;
                }

                size++;
                for (int k = 0; k < corner.Length; k++)
                {
                    corner[k] = Math.Max(corner[k], points[i][k]);
                }
            }

            double volume = 1.0;
            for (int k = 0; k < corner.Length; k++)
            {
                volume *= Math.Max(0.0, reference[k] - corner[k]);
            }

            total += (size % 2 == 1 ? 1.0 : -1.0) * volume;
        }

        return total;
    }
}
