namespace AutoLab.Analysis.BeamRegression;

/// <summary>Peak field and deflection parameter of a hybrid permanent-magnet undulator as a function of gap.</summary>
/// <remarks>
/// <para>B0(g) = a exp(b x + c x²) with x = g/λu and a = 3.694 T, b = −5.068, c = 1.520: the fit for hybrid
/// NdFeB devices of Elleaume, Chavanne and Faatz (Nucl. Instrum. Methods A 455, 503 (2000)), which extends
/// Halbach's exp(−πg/λu) law for pure permanent-magnet arrays (Halbach, Nucl. Instrum. Methods 187, 109 (1981)).
/// The fit holds for 0.1 ≤ x ≤ 1; beyond x = 1 the field continues as the exponential with the fit's slope there,
/// so B0 keeps falling smoothly (the quadratic term would otherwise make it rise again).</para>
/// <para>K = e B0 λu / (2π m c) = 0.9337 B0[T] λu[cm].</para>
/// </remarks>
public static class HalbachField
{
    /// <summary>Fit amplitude a (T).</summary>
    public const double A = 3.694;

    /// <summary>Fit linear coefficient b.</summary>
    public const double B = -5.068;

    /// <summary>Fit quadratic coefficient c.</summary>
    public const double C = 1.520;

    /// <summary>e/(2π m c) in units of 1/(T·cm): K = this × B0[T] × λu[cm].</summary>
    public const double KPerTeslaCentimetre = 0.9337;

    /// <summary>Peak on-axis field (T) at gap <paramref name="gapMm"/>.</summary>
    /// <param name="gapMm">Magnetic gap (mm).</param>
    /// <param name="periodMm">Period λu (mm).</param>
    /// <returns>B0 (T).</returns>
    public static double PeakField(double gapMm, double periodMm)
    {
        double x = gapMm / periodMm;
        if (x <= 1.0)
        {
            return A * Math.Exp((B * x) + (C * x * x));
        }

        return A * Math.Exp(B + C + ((B + (2.0 * C)) * (x - 1.0)));
    }

    /// <summary>Deflection parameter K at gap <paramref name="gapMm"/>.</summary>
    /// <param name="gapMm">Magnetic gap (mm).</param>
    /// <param name="periodMm">Period λu (mm).</param>
    /// <returns>K (dimensionless).</returns>
    public static double DeflectionParameter(double gapMm, double periodMm) =>
        KPerTeslaCentimetre * PeakField(gapMm, periodMm) * periodMm / 10.0;
}
