namespace AutoLab.ActiveLearning.Problems;

/// <summary>Shared bookkeeping of the benchmark problems: name, dimension and box bounds.</summary>
/// <remarks>Not part of the problem contract; optimizers read <see cref="IProblem"/> only.</remarks>
public abstract class BoxProblem : IProblem
{
    private readonly double[] lower;
    private readonly double[] upper;

    /// <summary>Creates a problem on a box.</summary>
    /// <param name="name">Short lower-case name.</param>
    /// <param name="lower">Lower bounds, one per variable.</param>
    /// <param name="upper">Upper bounds, one per variable, each above its lower bound.</param>
    /// <param name="objectiveCount">Number of objectives, at least 1.</param>
    /// <exception cref="ArgumentException">The bounds are empty, of different lengths, not finite or inverted.</exception>
    protected BoxProblem(string name, double[] lower, double[] upper, int objectiveCount)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentOutOfRangeException.ThrowIfLessThan(objectiveCount, 1);
        if (lower.Length == 0 || lower.Length != upper.Length)
        {
            throw new ArgumentException($"bounds need one lower and one upper value per variable; got {lower.Length} and {upper.Length}", nameof(upper));
        }

        for (int i = 0; i < lower.Length; i++)
        {
            if (!double.IsFinite(lower[i]) || !double.IsFinite(upper[i]) || lower[i] >= upper[i])
            {
                throw new ArgumentException($"variable {i} has bounds [{lower[i]}, {upper[i]}]; they must be finite with lower < upper", nameof(upper));
            }
        }

        Name = name;
        this.lower = lower;
        this.upper = upper;
        ObjectiveCount = objectiveCount;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int Dimension => lower.Length;

    /// <inheritdoc/>
    public int ObjectiveCount { get; }

    /// <inheritdoc/>
    public virtual int ConstraintCount => 0;

    /// <inheritdoc/>
    public IReadOnlyList<double> Lower => lower;

    /// <inheritdoc/>
    public IReadOnlyList<double> Upper => upper;

    /// <inheritdoc/>
    public abstract void Evaluate(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints);

    /// <summary>An array of <paramref name="count"/> copies of <paramref name="value"/>, for uniform bounds.</summary>
    /// <param name="count">Length.</param>
    /// <param name="value">Value of every entry.</param>
    /// <returns>The array.</returns>
    protected static double[] Filled(int count, double value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        double[] array = new double[count];
        Array.Fill(array, value);
        return array;
    }
}
