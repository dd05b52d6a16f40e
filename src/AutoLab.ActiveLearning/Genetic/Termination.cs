namespace AutoLab.ActiveLearning.Genetic;

/// <summary>The built-in termination criteria and their combinators.</summary>
public static class Termination
{
    /// <summary>Stops after a number of generations.</summary>
    /// <param name="generations">Generations, at least 1.</param>
    /// <returns>The criterion.</returns>
    public static ITermination MaxGenerations(int generations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generations, 1);
        return new TerminationCriterion(
            p => (double)p.Generation / generations,
            ExitReason.MaxGenerations,
            p => $"reached {p.Generation} generations (limit {generations})");
    }

    /// <summary>Stops after a number of objective evaluations (checked after each generation).</summary>
    /// <param name="evaluations">Evaluations, at least 1.</param>
    /// <returns>The criterion.</returns>
    public static ITermination MaxEvaluations(long evaluations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(evaluations, 1);
        return new TerminationCriterion(
            p => (double)p.Evaluations / evaluations,
            ExitReason.MaxEvaluations,
            p => $"used {p.Evaluations} evaluations (limit {evaluations})");
    }

    /// <summary>Stops once the run has taken a wall-clock duration.</summary>
    /// <param name="limit">The duration, positive.</param>
    /// <returns>The criterion.</returns>
    public static ITermination TimeLimit(TimeSpan limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero);
        return new TerminationCriterion(
            p => p.Elapsed / limit,
            ExitReason.TimeLimit,
            p => $"ran {p.Elapsed.TotalSeconds:0.###} s (limit {limit.TotalSeconds:0.###} s)");
    }

    /// <summary>Stops once the best feasible objective of a single-objective run is at or below a target.</summary>
    /// <param name="target">The target value, in the objective's units.</param>
    /// <returns>The criterion; its progress is 0 until the target is met, as the distance to go is unknown.</returns>
    public static ITermination TargetValue(double target) =>
        new TerminationCriterion(
            p => p.BestObjective <= target ? 1.0 : 0.0,
            ExitReason.TargetReached,
            p => $"best objective {p.BestObjective:G6} reached the target {target:G6}");

    /// <summary>Stops when any criterion says stop; progress is the largest of theirs.</summary>
    /// <param name="criteria">At least one criterion.</param>
    /// <returns>The combined criterion; its reason is that of the first criterion that stopped.</returns>
    public static ITermination Any(params ITermination[] criteria) => new CombinedTermination(criteria, any: true);

    /// <summary>Stops when every criterion says stop; progress is the smallest of theirs.</summary>
    /// <param name="criteria">At least one criterion.</param>
    /// <returns>The combined criterion; its reason is that of the first criterion given.</returns>
    public static ITermination All(params ITermination[] criteria) => new CombinedTermination(criteria, any: false);
}
