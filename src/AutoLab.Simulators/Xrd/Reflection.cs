namespace AutoLab.Simulators.Xrd;

/// <summary>One powder reflection: a representative (hkl) of a set of symmetry-equivalent planes.</summary>
/// <param name="H">Miller index h.</param>
/// <param name="K">Miller index k.</param>
/// <param name="L">Miller index l.</param>
/// <param name="Multiplicity">Number of symmetry-equivalent (hkl), Friedel mates included.</param>
/// <param name="D">Interplanar spacing (Å).</param>
/// <param name="TwoTheta">Bragg angle 2θ (degrees) at the wavelength asked for, without zero shift.</param>
/// <param name="FSquared">|F(hkl)|² (electrons²), with occupancies and Debye–Waller factors.</param>
/// <param name="TextureFactor">March–Dollase preferred-orientation factor (1 for a random powder).</param>
public readonly record struct Reflection(int H, int K, int L, int Multiplicity, double D, double TwoTheta, double FSquared, double TextureFactor = 1.0);
