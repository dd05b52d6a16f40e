namespace AutoLab.Simulators.Ring.Aperture;

/// <summary>The momentum acceptance at the ring's start: the largest |δ| on each side that survives.</summary>
/// <param name="Positive">Largest surviving δ above zero.</param>
/// <param name="Negative">Most negative surviving δ (a negative number).</param>
/// <param name="Turns">Turns survived.</param>
/// <param name="ElementPasses">Element passes the scan tracked.</param>
public sealed record MomentumApertureResult(double Positive, double Negative, int Turns, long ElementPasses)
{
    /// <summary>
    /// A Touschek-lifetime proxy: ½(δ₊⁻² + δ₋⁻²)⁻¹, the harmonic mean of δ₊² and δ₋² (dimensionless; multiply by 10⁴ for %²).
    /// </summary>
    /// <remarks>
    /// The Touschek loss rate falls roughly as the square of the momentum acceptance (Piwinski's formula,
    /// 1/τ ∝ C(ε)/δ_acc² times slowly varying factors, with ε ∝ δ_acc²), and particles scattered up and down
    /// in momentum are lost at the two sides, so their rates add. This proxy keeps only that scaling: it uses
    /// one scattering point (the ring start), not the local acceptance around the ring, and no beam sizes.
    /// It ranks sextupole settings; it is not a lifetime in hours.
    /// </remarks>
    public double TouschekProxy =>
        Positive <= 0.0 || Negative >= 0.0 ? 0.0 : 2.0 / ((1.0 / (Positive * Positive)) + (1.0 / (Negative * Negative)));
}
