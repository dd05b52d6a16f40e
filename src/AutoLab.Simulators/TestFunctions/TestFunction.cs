using System.Globalization;

namespace AutoLab.Simulators.TestFunctions;

/// <summary>
/// A standard optimisation test function: a box domain, named outputs, and (for single-objective ones) a
/// known global minimum, so that optimizers and the closed loop can be checked against the truth.
/// </summary>
/// <remarks>
/// All functions here are minimised. Definitions and optima follow Surjanovic and Bingham's Virtual
/// Library of Simulation Experiments (sfu.ca/~ssurjano) and Zitzler, Deb and Thiele (2000) for ZDT1.
/// <seealso cref="TestFunctionCatalog"/> makes them by name; <seealso cref="TestFunctionInstrument"/> serves them on the bus.
/// </remarks>
public abstract class TestFunction
{
    private static readonly string[] SingleOutput = ["y"];

    /// <summary>Creates a function on the box [lower, upper]^dimension.</summary>
    /// <param name="name">Catalog name, lower case.</param>
    /// <param name="dimension">Number of inputs (at least 1).</param>
    /// <param name="lower">Lower bound of every input.</param>
    /// <param name="upper">Upper bound of every input.</param>
    protected TestFunction(string name, int dimension, double lower, double upper)
        : this(name, Enumerable.Repeat(lower, dimension).ToArray(), Enumerable.Repeat(upper, dimension).ToArray())
    {
    }

    /// <summary>Creates a function on a box with per-input bounds.</summary>
    /// <param name="name">Catalog name, lower case.</param>
    /// <param name="lower">Lower bound of each input.</param>
    /// <param name="upper">Upper bound of each input; same length as <paramref name="lower"/>.</param>
    protected TestFunction(string name, IReadOnlyList<double> lower, IReadOnlyList<double> upper)
    {
        if (lower.Count == 0 || lower.Count != upper.Count)
        {
            throw new ArgumentException($"test function '{name}' needs at least one input and as many lower as upper bounds");
        }

        Name = name;
        LowerBounds = lower;
        UpperBounds = upper;
    }

    /// <summary>Catalog name, lower case (e.g. "branin").</summary>
    public string Name { get; }

    /// <summary>Number of inputs.</summary>
    public int Dimension => LowerBounds.Count;

    /// <summary>Lower bound of each input (inclusive).</summary>
    public IReadOnlyList<double> LowerBounds { get; }

    /// <summary>Upper bound of each input (inclusive).</summary>
    public IReadOnlyList<double> UpperBounds { get; }

    /// <summary>Names of the outputs, in the order <see cref="Evaluate"/> returns them; "y" for single-objective functions.</summary>
    public virtual IReadOnlyList<string> Outputs => SingleOutput;

    /// <summary>The global minimum of a single-objective function, or null when there is none (multi-objective).</summary>
    public abstract KnownOptimum? Optimum { get; }

    /// <summary>Evaluates the function.</summary>
    /// <param name="x">Inputs, <see cref="Dimension"/> of them; points outside the domain are evaluated too.</param>
    /// <returns>The outputs, in the order of <see cref="Outputs"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> has the wrong length.</exception>
    public double[] Evaluate(ReadOnlySpan<double> x)
    {
        if (x.Length != Dimension)
        {
            throw new ArgumentException($"{Name} takes {Dimension} inputs, not {x.Length}", nameof(x));
        }

        var outputs = new double[Outputs.Count];
        Compute(x, outputs);
        return outputs;
    }

    /// <summary>Says why a point is outside the domain, or null when it is inside.</summary>
    /// <param name="x">Inputs, <see cref="Dimension"/> of them.</param>
    /// <param name="names">Input names for the message, same length.</param>
    /// <returns>A message naming the input, its value and the bounds, or null.</returns>
    public string? FindDomainViolation(ReadOnlySpan<double> x, IReadOnlyList<string> names)
    {
        for (var i = 0; i < Dimension; i++)
        {
            if (!double.IsFinite(x[i]))
            {
                return $"parameter '{names[i]}' = {Format(x[i])} is not a finite number";
            }

            if (x[i] < LowerBounds[i] || x[i] > UpperBounds[i])
            {
                return $"parameter '{names[i]}' = {Format(x[i])} is outside the domain of {Name}: [{Format(LowerBounds[i])}, {Format(UpperBounds[i])}]";
            }
        }

        return null;
    }

    /// <summary>Computes the outputs.</summary>
    /// <param name="x">Inputs, <see cref="Dimension"/> of them.</param>
    /// <param name="outputs">Where to write the outputs, one per <see cref="Outputs"/> entry.</param>
    protected abstract void Compute(ReadOnlySpan<double> x, Span<double> outputs);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
