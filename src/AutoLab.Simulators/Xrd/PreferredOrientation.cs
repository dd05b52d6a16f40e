namespace AutoLab.Simulators.Xrd;

/// <summary>
/// Texture by the March–Dollase model: crystallites lie with the reciprocal-lattice direction (H K L) along the
/// sample normal, so a reflection at angle α to it is weighted by P(α) = (r² cos²α + sin²α / r)^(−3/2),
/// averaged over the reflection's symmetry-equivalent planes.
/// </summary>
/// <param name="H">Preferred direction h (reciprocal lattice).</param>
/// <param name="K">Preferred direction k.</param>
/// <param name="L">Preferred direction l.</param>
/// <param name="Ratio">March–Dollase r: 1 for a random powder, below 1 for platelets with (HKL) facing the beam, above 1 for needles.</param>
public sealed record PreferredOrientation(int H, int K, int L, double Ratio);
