namespace AutoLab.ActiveLearning.Problems;

/// <summary>ZDT1: a convex front f₂ = 1 − √f₁, f₁ ∈ [0, 1]; hypervolume at (1.1, 1.1) of the front is 0.87667 (= 0.21 + 2/3).</summary>
/// <remarks>h = 1 − √(f₁/g) (Zitzler, Deb and Thiele 2000). <seealso cref="ZdtProblem"/></remarks>
public sealed class Zdt1 : ZdtProblem
{
    /// <summary>Creates the problem.</summary>
    /// <param name="dimension">Number of variables, at least 2; default 30 as in the original suite.</param>
    public Zdt1(int dimension = StandardDimension)
        : base("zdt1", dimension)
    {
    }

    /// <inheritdoc/>
    protected override double H(double f1, double g) => 1.0 - Math.Sqrt(f1 / g);
}
