namespace AutoLab.Simulators.Xrd;

/// <summary>The pseudo-Voigt peak shape with the Thompson–Cox–Hastings combination of Gaussian and Lorentzian widths.</summary>
public static class PseudoVoigt
{
    private static readonly double GaussNorm = 2.0 * Math.Sqrt(Math.Log(2.0) / Math.PI);
    private static readonly double GaussExponent = 4.0 * Math.Log(2.0);

    /// <summary>Combines Gaussian and Lorentzian FWHMs into the pseudo-Voigt FWHM H and mixing η (Thompson, Cox and Hastings 1987).</summary>
    /// <param name="gaussian">Gaussian FWHM (any unit).</param>
    /// <param name="lorentzian">Lorentzian FWHM (same unit).</param>
    /// <returns>H (same unit) and η in [0, 1].</returns>
    public static (double Fwhm, double Eta) Combine(double gaussian, double lorentzian)
    {
        double g = gaussian, l = lorentzian;
        var h5 = Math.Pow(g, 5) + (2.69269 * Math.Pow(g, 4) * l) + (2.42843 * g * g * g * l * l)
            + (4.47163 * g * g * l * l * l) + (0.07842 * g * Math.Pow(l, 4)) + Math.Pow(l, 5);
        var h = Math.Pow(h5, 0.2);
        var q = l / h;
        var eta = (1.36603 * q) - (0.47719 * q * q) + (0.11116 * q * q * q);
        return (h, Math.Clamp(eta, 0.0, 1.0));
    }

    /// <summary>The area-normalised profile at offset x from the peak: η L(x) + (1 − η) G(x).</summary>
    /// <param name="x">Offset from the centre (same unit as the FWHM).</param>
    /// <param name="fwhm">FWHM H.</param>
    /// <param name="eta">Lorentzian fraction η.</param>
    /// <returns>Profile value (1/unit); its integral over x is 1.</returns>
    public static double Evaluate(double x, double fwhm, double eta)
    {
        var u = x / fwhm;
        var gauss = GaussNorm / fwhm * Math.Exp(-GaussExponent * u * u);
        var lorentz = 2.0 / (Math.PI * fwhm) / (1.0 + (4.0 * u * u));
        return (eta * lorentz) + ((1.0 - eta) * gauss);
    }

    /// <summary>
    /// Adds area × profile to <paramref name="rate"/> at points first..last of a grid start + i·step; the
    /// Gaussian part is evaluated only within ±3 FWHM, where it is above 1e-10 of its peak.
    /// </summary>
    /// <param name="rate">Accumulator.</param>
    /// <param name="start">Grid origin (same unit as the FWHM).</param>
    /// <param name="step">Grid step.</param>
    /// <param name="first">First index.</param>
    /// <param name="last">Last index (inclusive).</param>
    /// <param name="centre">Peak centre.</param>
    /// <param name="area">Integrated intensity.</param>
    /// <param name="fwhm">FWHM H.</param>
    /// <param name="eta">Lorentzian fraction η.</param>
    public static void AddTo(Span<double> rate, double start, double step, int first, int last, double centre, double area, double fwhm, double eta)
    {
        var inverse = 1.0 / fwhm;
        var lorentzAmplitude = area * eta * 2.0 / (Math.PI * fwhm);
        var gaussAmplitude = area * (1.0 - eta) * GaussNorm / fwhm;
        for (var i = first; i <= last; i++)
        {
            var u = (start + (i * step) - centre) * inverse;
            var u2 = u * u;
            var value = lorentzAmplitude / (1.0 + (4.0 * u2));
            if (u2 < 9.0)
            {
                value += gaussAmplitude * Math.Exp(-GaussExponent * u2);
            }

            rate[i] += value;
        }
    }
}
