namespace AutoLab.ActiveLearning.Problems;

/// <summary>Base of the multi-objective benchmark problems.</summary>
public abstract class MultiObjectiveProblem : BoxProblem, IMultiObjectiveProblem
{
    /// <summary>Creates a multi-objective problem on a box.</summary>
    /// <param name="name">Short lower-case name.</param>
    /// <param name="lower">Lower bounds.</param>
    /// <param name="upper">Upper bounds.</param>
    /// <param name="objectiveCount">Number of objectives, at least 2.</param>
    protected MultiObjectiveProblem(string name, double[] lower, double[] upper, int objectiveCount)
        : base(name, lower, upper, objectiveCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(objectiveCount, 2);
    }

    /// <inheritdoc/>
    public abstract double[][] ParetoFront(int count);

    /// <inheritdoc/>
    public abstract bool IsOnFront(ReadOnlySpan<double> objectives, double tolerance);
}
