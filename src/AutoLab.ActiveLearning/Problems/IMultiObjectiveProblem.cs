namespace AutoLab.ActiveLearning.Problems;

/// <summary>A multi-objective problem whose Pareto front is known in closed form.</summary>
/// <remarks>
/// Benchmarks compare an optimizer's hypervolume with that of the true front
/// (<see cref="MultiObjective.Hypervolume"/>). <seealso cref="MultiObjectiveProblem"/>
/// </remarks>
public interface IMultiObjectiveProblem : IProblem
{
    /// <summary>Points on the true Pareto front.</summary>
    /// <param name="count">Approximate number of points wanted, at least 2.</param>
    /// <returns>Objective vectors on the front, each <see cref="IProblem.ObjectiveCount"/> entries, mutually non-dominated.</returns>
    double[][] ParetoFront(int count);

    /// <summary>Whether an objective vector lies on the true Pareto front.</summary>
    /// <param name="objectives">An objective vector, <see cref="IProblem.ObjectiveCount"/> entries.</param>
    /// <param name="tolerance">Allowed absolute deviation from the front's equation.</param>
    /// <returns>True when the vector satisfies the front's equation within the tolerance.</returns>
    bool IsOnFront(ReadOnlySpan<double> objectives, double tolerance);
}
