using AutoLab.ActiveLearning.MultiObjective;

namespace AutoLab.ActiveLearning.Tests.MultiObjective;

/// <summary>Fast non-dominated sorting, constraint domination and crowding distance on hand-made sets.</summary>
public sealed class NonDominatedSortingTests
{
    private const double DistanceTolerance = 1e-12;

    [Fact]
    public void A_hand_made_set_splits_into_the_expected_fronts()
    {
        // Front 0: (1,5), (2,3), (4,1). Front 1: (3,4) behind (2,3), (5,2) behind (4,1). Front 2: (6,6).
        double[] objectives = [3, 4, 1, 5, 6, 6, 2, 3, 5, 2, 4, 1];
        NonDominatedSorter sorter = new();
        int fronts = sorter.Sort(objectives, 2, []);

        Assert.Equal(3, fronts);
        Assert.Equal([1, 0, 2, 0, 1, 0], sorter.Ranks.ToArray());
        Assert.Equal([1, 3, 5], sorter.Front(0).ToArray().Order());
        Assert.Equal([0, 4], sorter.Front(1).ToArray().Order());
        Assert.Equal([2], sorter.Front(2).ToArray());
    }

    [Fact]
    public void A_feasible_point_outranks_a_better_infeasible_one_and_violations_order_the_infeasible()
    {
        // Point 0 is best in both objectives but infeasible; point 2 is more infeasible still.
        double[] objectives = [0, 0, 5, 5, -1, -1];
        double[] violations = [0.5, 0.0, 2.0];
        NonDominatedSorter sorter = new();
        sorter.Sort(objectives, 2, violations);

        Assert.Equal([1, 0, 2], [sorter.Ranks[0], sorter.Ranks[1], sorter.Ranks[2]]);
        Assert.Equal(1, Dominance.Compare([5.0, 5.0], 0.0, [0.0, 0.0], 0.5));
        Assert.Equal(0, Dominance.Compare([1.0, 2.0], 0.3, [2.0, 1.0], 0.3));
    }

    [Fact]
    public void Sorting_can_stop_once_enough_points_are_ranked()
    {
        double[] objectives = [3, 4, 1, 5, 6, 6, 2, 3, 5, 2, 4, 1];
        NonDominatedSorter sorter = new();
        int fronts = sorter.Sort(objectives, 2, [], stopAfter: 3);

        Assert.Equal(1, fronts);
        Assert.Equal(3, sorter.Order.Length);
    }

    [Fact]
    public void Crowding_distance_matches_the_hand_computed_values()
    {
        // Front (0,4), (1,2), (2,1), (4,0); both ranges are 4.
        // (1,2): f1 gap (2 − 0)/4 + f2 gap (4 − 1)/4 = 1.25. (2,1): (4 − 1)/4 + (2 − 0)/4 = 1.25.
        double[] objectives = [0, 4, 1, 2, 2, 1, 4, 0];
        double[] distance = new double[4];
        new CrowdingDistance().Compute(objectives, 2, [0, 1, 2, 3], distance);

        Assert.True(double.IsPositiveInfinity(distance[0]));
        Assert.Equal(1.25, distance[1], DistanceTolerance);
        Assert.Equal(1.25, distance[2], DistanceTolerance);
        Assert.True(double.IsPositiveInfinity(distance[3]));
    }

    [Fact]
    public void Pareto_dominance_needs_one_strict_improvement()
    {
        Assert.True(Dominance.Dominates([1.0, 2.0], [1.0, 3.0]));
        Assert.False(Dominance.Dominates([1.0, 2.0], [1.0, 2.0]));
        Assert.False(Dominance.Dominates([1.0, 4.0], [2.0, 3.0]));
        Assert.Equal(2.5, Dominance.Violation([-1.0, 2.0, 0.5]));
    }

    [Fact]
    public void An_empty_set_has_no_fronts_and_the_sorter_can_be_reused()
    {
        NonDominatedSorter sorter = new();
        Assert.Equal(0, sorter.Sort([], 2, []));
        Assert.Equal(2, sorter.Sort([1, 2, 2, 3], 2, []));
    }
}
