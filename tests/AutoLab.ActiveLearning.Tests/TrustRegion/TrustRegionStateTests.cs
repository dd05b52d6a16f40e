using AutoLab.ActiveLearning.TrustRegion;

namespace AutoLab.ActiveLearning.Tests.TrustRegion;

/// <summary>
/// The TuRBO-1 state machine: the side halves after a run of failures, doubles after a run of successes up
/// to its maximum, restarts below its minimum, and a batch still in flight changes nothing.
/// </summary>
public class TrustRegionStateTests
{
    /// <summary>Side lengths are powers of two times 0.8, exact in binary arithmetic up to rounding of 0.8 itself.</summary>
    private const double LengthTolerance = 1e-12;

    private static TurboSettings Settings(int batch = 1, int initial = 4, int failureTolerance = 4) => new()
    {
        InitialPoints = initial,
        BatchSize = batch,
        LengthInit = 0.8,
        LengthMin = Math.Pow(0.5, 7.0),
        LengthMax = 1.6,
        SuccessTolerance = 3,
        FailureTolerance = failureTolerance,
        Candidates = 100,
        MaxFitPoints = 200,
        Restarts = 0,
    };

    /// <summary>A design of four values with best 10, then the given batch values.</summary>
    private static double[] History(params double[] afterDesign) => [1.0, 10.0, 3.0, 2.0, .. afterDesign];

    [Fact]
    public void The_side_halves_after_failure_tolerance_batches_without_improvement()
    {
        TrustRegionState state = TrustRegionState.Replay(History(5.0, 5.0, 5.0, 5.0), Settings());

        Assert.Equal(0.4, state.Length, LengthTolerance);
        Assert.Equal(0, state.Failures);
    }

    [Fact]
    public void Fewer_failures_than_the_tolerance_leave_the_side_alone()
    {
        TrustRegionState state = TrustRegionState.Replay(History(5.0, 5.0, 5.0), Settings());

        Assert.Equal(0.8, state.Length, LengthTolerance);
        Assert.Equal(3, state.Failures);
    }

    [Fact]
    public void The_side_doubles_after_three_successes_and_stops_at_its_maximum()
    {
        TrustRegionState once = TrustRegionState.Replay(History(11.0, 12.0, 13.0), Settings());
        TrustRegionState twice = TrustRegionState.Replay(History(11.0, 12.0, 13.0, 14.0, 15.0, 16.0), Settings());

        Assert.Equal(1.6, once.Length, LengthTolerance);
        Assert.Equal(1.6, twice.Length, LengthTolerance);
    }

    [Fact]
    public void An_improvement_smaller_than_a_thousandth_is_a_failure()
    {
        TrustRegionState state = TrustRegionState.Replay(History(10.005), Settings());

        Assert.Equal(1, state.Failures);
        Assert.Equal(0, state.Successes);
    }

    [Fact]
    public void A_failure_resets_the_success_count()
    {
        TrustRegionState state = TrustRegionState.Replay(History(11.0, 12.0, 1.0, 13.0), Settings());

        Assert.Equal(1, state.Successes);
        Assert.Equal(0.8, state.Length, LengthTolerance);
    }

    [Fact]
    public void Batches_are_judged_by_their_best_value()
    {
        // Batch size 2: (1, 11) improves on 10, (1, 2) does not.
        TrustRegionState state = TrustRegionState.Replay(History(1.0, 11.0, 1.0, 2.0), Settings(batch: 2));

        Assert.Equal(0, state.Successes);
        Assert.Equal(1, state.Failures);
        Assert.Equal(11.0, state.Best);
    }

    [Fact]
    public void A_batch_still_in_flight_updates_no_counter()
    {
        // Batch size 2: (1, 2) fails; 30 arrived but its partner is still running.
        TrustRegionState state = TrustRegionState.Replay(History(1.0, 2.0, 30.0), Settings(batch: 2));

        Assert.Equal(1, state.Failures);
        Assert.Equal(0, state.Successes);
        Assert.Equal(7, state.SegmentCount);
    }

    [Fact]
    public void The_region_restarts_with_a_fresh_design_when_the_side_falls_below_its_minimum()
    {
        // 0.8 / 2^7 < 0.5^7: seven halvings of one failure each (tolerance 1) force the restart.
        TurboSettings settings = Settings(failureTolerance: 1);
        double[] values = History(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 50.0);

        TrustRegionState state = TrustRegionState.Replay(values, settings);

        Assert.Equal(1, state.Restarts);
        Assert.Equal(11, state.SegmentStart);
        Assert.Equal(1, state.SegmentCount);
        Assert.True(state.InDesign, "after a restart the next points are a new design");
        Assert.Equal(50.0, state.Best);
        Assert.Equal(0.8, state.Length, LengthTolerance);
    }
}
