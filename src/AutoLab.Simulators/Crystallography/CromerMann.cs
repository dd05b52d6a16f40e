namespace AutoLab.Simulators.Crystallography;

/// <summary>Cromer–Mann coefficients of one atom or ion: f0(s) = Σᵢ aᵢ exp(−bᵢ s²) + c, s = sin θ / λ in Å⁻¹.</summary>
/// <param name="A1">a₁ (electrons).</param>
/// <param name="B1">b₁ (Å²).</param>
/// <param name="A2">a₂ (electrons).</param>
/// <param name="B2">b₂ (Å²).</param>
/// <param name="A3">a₃ (electrons).</param>
/// <param name="B3">b₃ (Å²).</param>
/// <param name="A4">a₄ (electrons).</param>
/// <param name="B4">b₄ (Å²).</param>
/// <param name="C">c (electrons).</param>
public sealed record CromerMann(double A1, double B1, double A2, double B2, double A3, double B3, double A4, double B4, double C)
{
    /// <summary>The form factor f0 (electrons) at s² = (sin θ / λ)².</summary>
    /// <param name="s2">(sin θ / λ)² in Å⁻².</param>
    /// <returns>f0 in electrons.</returns>
    public double Evaluate(double s2) =>
        (A1 * Math.Exp(-B1 * s2)) + (A2 * Math.Exp(-B2 * s2)) + (A3 * Math.Exp(-B3 * s2)) + (A4 * Math.Exp(-B4 * s2)) + C;
}
