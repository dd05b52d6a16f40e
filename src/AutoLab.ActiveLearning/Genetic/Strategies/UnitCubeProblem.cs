using AutoLab.ActiveLearning.Problems;

namespace AutoLab.ActiveLearning.Genetic.Strategies;

/// <summary>
/// The shape of a campaign as the genetic strategies see it: D variables in the unit cube, M objectives
/// (all minimised, maximised ones negated) and one constraint that marks failed experiments.
/// </summary>
/// <remarks>
/// Campaign points are evaluated by experiments, not by this type, so <see cref="Evaluate"/> refuses. A
/// faulted experiment is told with constraint value +1 (infeasible) and a successful one with −1, so
/// constraint domination pushes failed points out of the population without inventing objective values.
/// </remarks>
public sealed class UnitCubeProblem : IProblem
{
    private readonly double[] lower;
    private readonly double[] upper;

    /// <summary>Creates the shape.</summary>
    /// <param name="dimension">D, at least 1.</param>
    /// <param name="objectiveCount">M, at least 1.</param>
    public UnitCubeProblem(int dimension, int objectiveCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(objectiveCount, 1);
        lower = new double[dimension];
        upper = new double[dimension];
        Array.Fill(upper, 1.0);
        ObjectiveCount = objectiveCount;
    }

    /// <inheritdoc/>
    public string Name => "campaign";

    /// <inheritdoc/>
    public int Dimension => lower.Length;

    /// <inheritdoc/>
    public int ObjectiveCount { get; }

    /// <inheritdoc/>
    public int ConstraintCount => 1;

    /// <inheritdoc/>
    public IReadOnlyList<double> Lower => lower;

    /// <inheritdoc/>
    public IReadOnlyList<double> Upper => upper;

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">Always: campaign points are evaluated by experiments.</exception>
    public void Evaluate(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints) =>
        throw new NotSupportedException("campaign points are evaluated by experiments, not in process");
}
