namespace AutoLab.ActiveLearning.Problems;

/// <summary>
/// An optimization problem over a box: bounds, objective count, constraint count and an evaluation.
/// Every objective is minimised; a constraint value g ≤ 0 is feasible.
/// </summary>
/// <remarks>
/// Problems, optimizers and terminations are separate types (the pymoo layout): an optimizer reads only
/// this interface, so the same optimizer runs a benchmark here and a campaign through the suggestion
/// strategies. A problem with a known answer also implements <see cref="ISingleObjectiveProblem"/> or
/// <see cref="IMultiObjectiveProblem"/> so tests and benchmarks can measure how close an optimizer got.
/// <seealso cref="BenchmarkProblems"/>
/// </remarks>
public interface IProblem
{
    /// <summary>Short lower-case name, e.g. "zdt1".</summary>
    string Name { get; }

    /// <summary>Number of decision variables.</summary>
    int Dimension { get; }

    /// <summary>Number of objectives, all minimised.</summary>
    int ObjectiveCount { get; }

    /// <summary>Number of inequality constraints g(x) ≤ 0.</summary>
    int ConstraintCount { get; }

    /// <summary>Lower bound of each variable, <see cref="Dimension"/> entries.</summary>
    IReadOnlyList<double> Lower { get; }

    /// <summary>Upper bound of each variable, <see cref="Dimension"/> entries, each above its lower bound.</summary>
    IReadOnlyList<double> Upper { get; }

    /// <summary>Evaluates one point.</summary>
    /// <param name="x">The decision variables, <see cref="Dimension"/> entries inside the bounds.</param>
    /// <param name="objectives">Receives <see cref="ObjectiveCount"/> objective values.</param>
    /// <param name="constraints">Receives <see cref="ConstraintCount"/> constraint values; g ≤ 0 is feasible.</param>
    void Evaluate(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints);
}
