namespace AutoLab.ActiveLearning.Problems;

/// <summary>ZDT2: a concave front f₂ = 1 − f₁², f₁ ∈ [0, 1]; hypervolume at (1.1, 1.1) of the front is 0.54333 (= 0.21 + 1/3).</summary>
/// <remarks>h = 1 − (f₁/g)² (Zitzler, Deb and Thiele 2000). <seealso cref="ZdtProblem"/></remarks>
public sealed class Zdt2 : ZdtProblem
{
    /// <summary>Creates the problem.</summary>
    /// <param name="dimension">Number of variables, at least 2; default 30 as in the original suite.</param>
    public Zdt2(int dimension = StandardDimension)
        : base("zdt2", dimension)
    {
    }

    /// <inheritdoc/>
    protected override double H(double f1, double g) => 1.0 - ((f1 / g) * (f1 / g));
}
