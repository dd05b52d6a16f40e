namespace AutoLab.Simulators.Saxs;

/// <summary>One measured SAXS/SANS curve: I(q) with its counting uncertainty and the noise-free value it was drawn around.</summary>
/// <param name="Q">Scattering vector magnitudes (Å⁻¹).</param>
/// <param name="Intensity">Measured intensity (cm⁻¹).</param>
/// <param name="Uncertainty">One standard deviation of <see cref="Intensity"/> from counting statistics (cm⁻¹).</param>
/// <param name="Expected">Smeared noise-free intensity (cm⁻¹), for tests and training targets.</param>
public sealed record SaxsCurve(double[] Q, double[] Intensity, double[] Uncertainty, double[] Expected);
