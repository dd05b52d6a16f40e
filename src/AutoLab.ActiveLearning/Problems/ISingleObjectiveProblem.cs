namespace AutoLab.ActiveLearning.Problems;

/// <summary>A single-objective, unconstrained problem with a known global minimum.</summary>
/// <remarks>Regret is <c>Value(x) − MinimumValue</c>. <seealso cref="SingleObjectiveProblem"/></remarks>
public interface ISingleObjectiveProblem : IProblem
{
    /// <summary>The global minimum value.</summary>
    double MinimumValue { get; }

    /// <summary>Every global minimiser (Branin has three), each <see cref="IProblem.Dimension"/> entries.</summary>
    IReadOnlyList<double[]> Minimizers { get; }

    /// <summary>The objective at one point.</summary>
    /// <param name="x">The decision variables, <see cref="IProblem.Dimension"/> entries.</param>
    /// <returns>The objective value.</returns>
    double Value(ReadOnlySpan<double> x);
}
