namespace AutoLab.ActiveLearning.Genetic;

/// <summary>
/// A population stored as structure of arrays: variables, objectives, constraint values and total
/// violation in flat row-major arrays, so a generation touches a few contiguous blocks and allocates nothing.
/// </summary>
/// <remarks>Individual i's variables are <c>Variables[i·D .. i·D + D)</c>; likewise for objectives (M) and constraints (C).</remarks>
public sealed class Population
{
    /// <summary>Creates an empty population with room for <paramref name="capacity"/> individuals.</summary>
    /// <param name="capacity">Most individuals held, at least 1.</param>
    /// <param name="dimension">D, variables per individual, at least 1.</param>
    /// <param name="objectiveCount">M, objectives per individual, at least 1.</param>
    /// <param name="constraintCount">C, constraint values per individual, at least 0.</param>
    public Population(int capacity, int dimension, int objectiveCount, int constraintCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(objectiveCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(constraintCount);
        Capacity = capacity;
        Dimension = dimension;
        ObjectiveCount = objectiveCount;
        ConstraintCount = constraintCount;
        Variables = new double[capacity * dimension];
        Objectives = new double[capacity * objectiveCount];
        Constraints = new double[capacity * constraintCount];
        Violations = new double[capacity];
    }

    /// <summary>Most individuals held.</summary>
    public int Capacity { get; }

    /// <summary>Number of individuals held now, 0 to <see cref="Capacity"/>.</summary>
    public int Count { get; set; }

    /// <summary>D, variables per individual.</summary>
    public int Dimension { get; }

    /// <summary>M, objectives per individual (all minimised).</summary>
    public int ObjectiveCount { get; }

    /// <summary>C, constraint values per individual (g ≤ 0 feasible).</summary>
    public int ConstraintCount { get; }

    /// <summary>All variables, row-major, <see cref="Capacity"/> × D.</summary>
    public double[] Variables { get; }

    /// <summary>All objectives, row-major, <see cref="Capacity"/> × M.</summary>
    public double[] Objectives { get; }

    /// <summary>All constraint values, row-major, <see cref="Capacity"/> × C.</summary>
    public double[] Constraints { get; }

    /// <summary>Total violation Σ max(0, g) per individual; 0 means feasible.</summary>
    public double[] Violations { get; }

    /// <summary>Individual i's variables.</summary>
    /// <param name="i">Index.</param>
    /// <returns>A span of D values.</returns>
    public Span<double> X(int i) => Variables.AsSpan(i * Dimension, Dimension);

    /// <summary>Individual i's objectives.</summary>
    /// <param name="i">Index.</param>
    /// <returns>A span of M values.</returns>
    public Span<double> F(int i) => Objectives.AsSpan(i * ObjectiveCount, ObjectiveCount);

    /// <summary>Individual i's constraint values.</summary>
    /// <param name="i">Index.</param>
    /// <returns>A span of C values.</returns>
    public Span<double> G(int i) => Constraints.AsSpan(i * ConstraintCount, ConstraintCount);

    /// <summary>Copies individual <paramref name="from"/> of <paramref name="source"/> into slot <paramref name="to"/>.</summary>
    /// <param name="to">Destination index.</param>
    /// <param name="source">A population of the same shape.</param>
    /// <param name="from">Source index.</param>
    public void CopyFrom(int to, Population source, int from)
    {
        source.X(from).CopyTo(X(to));
        source.F(from).CopyTo(F(to));
        source.G(from).CopyTo(G(to));
        Violations[to] = source.Violations[from];
    }

    /// <summary>A deep copy holding the first <see cref="Count"/> individuals.</summary>
    /// <returns>The copy.</returns>
    public Population Clone()
    {
        Population copy = new(Math.Max(1, Count), Dimension, ObjectiveCount, ConstraintCount) { Count = Count };
        for (int i = 0; i < Count; i++)
        {
            copy.CopyFrom(i, this, i);
        }

        return copy;
    }
}
