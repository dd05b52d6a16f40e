namespace AutoLab.ActiveLearning.Problems;

/// <summary>Base of the single-objective benchmark problems: <see cref="IProblem.Evaluate"/> delegates to <see cref="Value"/>.</summary>
public abstract class SingleObjectiveProblem : BoxProblem, ISingleObjectiveProblem
{
    /// <summary>Creates a single-objective problem on a box.</summary>
    /// <param name="name">Short lower-case name.</param>
    /// <param name="lower">Lower bounds.</param>
    /// <param name="upper">Upper bounds.</param>
    protected SingleObjectiveProblem(string name, double[] lower, double[] upper)
        : base(name, lower, upper, 1)
    {
    }

    /// <inheritdoc/>
    public abstract double MinimumValue { get; }

    /// <inheritdoc/>
    public abstract IReadOnlyList<double[]> Minimizers { get; }

    /// <inheritdoc/>
    public abstract double Value(ReadOnlySpan<double> x);

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints) =>
        objectives[0] = Value(x);
}
