namespace AutoLab.Simulators.Saxs;

/// <summary>Normalised scattering amplitudes f(q) (f → 1 as q → 0) and the Debye function of the particle shapes.</summary>
/// <remarks>
/// The form factor is P(q) = f(q)². Small arguments use Taylor series, because the closed forms lose all
/// their digits to cancellation there. Sources are listed in docs/simulators.md (SAXS/SANS section).
/// </remarks>
public static class FormFactorAmplitudes
{
    /// <summary>Sphere amplitude 3[sin x − x cos x]/x³ with x = qR (Rayleigh 1911).</summary>
    /// <param name="x">q·R (dimensionless).</param>
    /// <returns>The amplitude; its square has zeros at x = 4.493, 7.725, ...</returns>
    public static double Sphere(double x)
    {
        if (Math.Abs(x) < 0.05)
        {
            double x2 = x * x;
            return 1.0 - (x2 / 10.0) + (x2 * x2 / 280.0) - (x2 * x2 * x2 / 15_120.0);
        }

        (double sin, double cos) = Math.SinCos(x);
        return 3.0 * (sin - (x * cos)) / (x * x * x);
    }

    /// <summary>Cylinder amplitude 2J₁(qR sin α)/(qR sin α) · sin(qL cos α / 2)/(qL cos α / 2) (Fournet 1951).</summary>
    /// <param name="q">Scattering vector magnitude (Å⁻¹).</param>
    /// <param name="radius">Cylinder radius (Å).</param>
    /// <param name="length">Cylinder length (Å).</param>
    /// <param name="cosAlpha">Cosine of the angle between q and the cylinder axis.</param>
    /// <returns>The amplitude.</returns>
    public static double Cylinder(double q, double radius, double length, double cosAlpha)
    {
        double sinAlpha = Math.Sqrt(Math.Max(0.0, 1.0 - (cosAlpha * cosAlpha)));
        return TwoBesselJ1OverX(q * radius * sinAlpha) * Sinc(0.5 * q * length * cosAlpha);
    }

    /// <summary>Ellipsoid-of-revolution amplitude: the sphere amplitude at the orientation's effective radius (Guinier 1939).</summary>
    /// <param name="q">Scattering vector magnitude (Å⁻¹).</param>
    /// <param name="equatorialRadius">Equatorial radius (Å).</param>
    /// <param name="polarRadius">Polar (symmetry-axis) radius (Å).</param>
    /// <param name="cosAlpha">Cosine of the angle between q and the symmetry axis.</param>
    /// <returns>The amplitude.</returns>
    public static double Ellipsoid(double q, double equatorialRadius, double polarRadius, double cosAlpha)
    {
        double mu2 = cosAlpha * cosAlpha;
        double r = Math.Sqrt((equatorialRadius * equatorialRadius * (1.0 - mu2)) + (polarRadius * polarRadius * mu2));
        return Sphere(q * r);
    }

    /// <summary>Debye function 2(e⁻ˣ + x − 1)/x² with x = (q·Rg)² of an ideal Gaussian chain (Debye 1947); a form factor, not an amplitude.</summary>
    /// <param name="q">Scattering vector magnitude (Å⁻¹).</param>
    /// <param name="radiusOfGyration">Radius of gyration (Å).</param>
    /// <returns>P(q), 1 at q = 0, falling as 2/(qRg)² at large q.</returns>
    public static double Debye(double q, double radiusOfGyration)
    {
        double x = q * q * radiusOfGyration * radiusOfGyration;
        if (x < 1e-3)
        {
            return 1.0 - (x / 3.0) + (x * x / 12.0) - (x * x * x / 60.0);
        }

        return 2.0 * (Math.Exp(-x) + x - 1.0) / (x * x);
    }

    /// <summary>2J₁(x)/x, 1 at x = 0.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>The value.</returns>
    /// <remarks>J₁ from the rational and asymptotic approximations of Numerical Recipes §6.5 (absolute error below 1e-8).</remarks>
    public static double TwoBesselJ1OverX(double x)
    {
        double ax = Math.Abs(x);
        if (ax < 1e-4)
        {
            return 1.0 - (x * x / 8.0);
        }

        if (ax < 8.0)
        {
            double y = x * x;
            double numerator = 72_362_614_232.0 + (y * (-7_895_059_235.0 + (y * (242_396_853.1 + (y * (-2_972_611.439 + (y * (15_704.48260 + (y * -30.16036606)))))))));
            double denominator = 144_725_228_442.0 + (y * (2_300_535_178.0 + (y * (18_583_304.74 + (y * (99_447.43394 + (y * (376.9991397 + y))))))));
            return 2.0 * numerator / denominator;
        }

        double z = 8.0 / ax;
        double z2 = z * z;
        double xx = ax - 2.356194491;
        double p = 1.0 + (z2 * (0.183105e-2 + (z2 * (-0.3516396496e-4 + (z2 * (0.2457520174e-5 + (z2 * -0.240337019e-6)))))));
        double r = 0.04687499995 + (z2 * (-0.2002690873e-3 + (z2 * (0.8449199096e-5 + (z2 * (-0.88228987e-6 + (z2 * 0.105787412e-6)))))));
        double j1 = Math.Sqrt(0.636619772 / ax) * ((Math.Cos(xx) * p) - (z * Math.Sin(xx) * r));
        return 2.0 * j1 / ax;
    }

    /// <summary>sin x / x, 1 at x = 0.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>The value.</returns>
    public static double Sinc(double x) => Math.Abs(x) < 1e-4 ? 1.0 - (x * x / 6.0) : Math.Sin(x) / x;
}
