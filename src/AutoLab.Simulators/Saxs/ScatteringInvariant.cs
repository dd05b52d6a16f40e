namespace AutoLab.Simulators.Saxs;

/// <summary>The scattering invariant Q* = ∫ q² I(q) dq over the measured range.</summary>
/// <remarks>
/// For a two-phase system the full integral equals 2π² φ(1 − φ) Δρ² (Porod 1951), independent of morphology,
/// which makes it a robust scalar objective for mapping. Over a finite range it is the trapezoidal sum with no
/// extrapolation; the missing tails are the same for every sample measured with the same settings.
/// </remarks>
public static class ScatteringInvariant
{
    /// <summary>Trapezoidal ∫ q² I dq over the given points (cm⁻¹ Å⁻³).</summary>
    /// <param name="q">Scattering vector magnitudes (Å⁻¹), ascending.</param>
    /// <param name="intensity">Intensities (cm⁻¹), background subtracted by the caller if wanted.</param>
    /// <returns>The partial invariant.</returns>
    public static double Compute(IReadOnlyList<double> q, IReadOnlyList<double> intensity)
    {
        double sum = 0.0;
        for (int i = 1; i < q.Count; i++)
        {
            double left = q[i - 1] * q[i - 1] * intensity[i - 1];
            double right = q[i] * q[i] * intensity[i];
            sum += 0.5 * (left + right) * (q[i] - q[i - 1]);
        }

        return sum;
    }
}
