namespace AutoLab.Simulators.Saxs;

/// <summary>What a <see cref="GuinierFit"/> found; all NaN when the curve has no Guinier regime.</summary>
/// <param name="RadiusOfGyration">Rg (Å).</param>
/// <param name="RadiusOfGyrationUncertainty">One standard deviation of Rg from the fit (Å).</param>
/// <param name="ForwardIntensity">I(0) extrapolated from the fit (cm⁻¹).</param>
/// <param name="Points">Points in the final fitting range (the first ones of the curve).</param>
public sealed record GuinierResult(double RadiusOfGyration, double RadiusOfGyrationUncertainty, double ForwardIntensity, int Points)
{
    /// <summary>The result for a curve without a Guinier regime.</summary>
    public static GuinierResult None { get; } = new(double.NaN, double.NaN, double.NaN, 0);
}
