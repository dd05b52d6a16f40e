using AutoLab.ActiveLearning.Genetic;

namespace AutoLab.ActiveLearning.Tests.Genetic;

/// <summary>Termination criteria report progress in [0, 1] and combine with Any and All.</summary>
public sealed class TerminationTests
{
    private static OptimizationProgress At(int generation, long evaluations = 0, double best = double.NaN) =>
        new(generation, evaluations, TimeSpan.FromSeconds(1), best);

    [Fact]
    public void Generation_limit_progress_is_the_fraction_done()
    {
        ITermination limit = Termination.MaxGenerations(200);
        Assert.Equal(0.25, limit.Progress(At(50)));
        Assert.Equal(1.0, limit.Progress(At(300)));
        Assert.Equal(ExitReason.MaxGenerations, limit.Reason(At(200)));
    }

    [Fact]
    public void Any_takes_the_largest_progress_and_the_reason_of_the_criterion_that_fired()
    {
        ITermination any = Termination.Any(Termination.MaxGenerations(100), Termination.MaxEvaluations(1000));
        Assert.Equal(0.5, any.Progress(At(10, 500)));
        Assert.Equal(1.0, any.Progress(At(10, 1000)));
        Assert.Equal(ExitReason.MaxEvaluations, any.Reason(At(10, 1000)));
    }

    [Fact]
    public void All_takes_the_smallest_progress()
    {
        ITermination all = Termination.All(Termination.MaxGenerations(100), Termination.MaxEvaluations(1000));
        Assert.Equal(0.1, all.Progress(At(10, 500)));
        Assert.Equal(1.0, all.Progress(At(100, 1000)));
    }

    [Fact]
    public void A_target_is_met_only_by_a_best_value_at_or_below_it()
    {
        ITermination target = Termination.TargetValue(0.5);
        Assert.Equal(0.0, target.Progress(At(1, best: double.NaN)));
        Assert.Equal(0.0, target.Progress(At(1, best: 0.6)));
        Assert.Equal(1.0, target.Progress(At(1, best: 0.5)));
    }

    [Fact]
    public void A_time_limit_is_reached_once_the_elapsed_time_passes_it()
    {
        ITermination limit = Termination.TimeLimit(TimeSpan.FromSeconds(4));
        Assert.Equal(0.25, limit.Progress(At(1)));
        Assert.Equal(ExitReason.TimeLimit, limit.Reason(At(1)));
    }
}
