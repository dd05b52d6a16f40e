namespace AutoLab.ActiveLearning.GaussianProcesses;

/// <summary>
/// The unit-variance correlation k(r) of each <see cref="KernelKind"/> as a function of the squared scaled
/// distance r² = Σₖ (Δₖ/ℓₖ)², and the factor g(r) shared by its derivatives.
/// </summary>
/// <remarks>
/// With uₖ = (Δₖ/ℓₖ)², both kernels satisfy ∂k/∂log ℓₖ = g·uₖ and ∂k/∂xₖ = −g·Δₖ/ℓₖ², so one g serves the
/// hyperparameter gradient and the posterior gradient: Matérn-5/2 g = (5/3)(1 + √5 r) e^(−√5 r), RBF g = k.
/// Neither is singular at r = 0.
/// </remarks>
internal static class Kernels
{
    private static readonly double Sqrt5 = Math.Sqrt(5.0);

    /// <summary>k(r) and g(r) at squared scaled distance <paramref name="r2"/>.</summary>
    internal static double Evaluate(KernelKind kind, double r2, out double g)
    {
        if (kind == KernelKind.Rbf)
        {
            double k = Math.Exp(-0.5 * r2);
            g = k;
            return k;
        }

        double sr = Sqrt5 * Math.Sqrt(r2);
        double e = Math.Exp(-sr);
        g = (5.0 / 3.0) * (1.0 + sr) * e;
        return (1.0 + sr + ((5.0 / 3.0) * r2)) * e;
    }

    /// <summary>k(r) alone.</summary>
    internal static double Value(KernelKind kind, double r2) => Evaluate(kind, r2, out _);
}
