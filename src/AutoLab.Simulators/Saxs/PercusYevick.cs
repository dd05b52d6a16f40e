namespace AutoLab.Simulators.Saxs;

/// <summary>Hard-sphere structure factor S(q) in the Percus–Yevick closure.</summary>
/// <remarks>
/// Analytic form of Ashcroft and Lekner (1966) as written by Kinning and Thomas (1984):
/// S = 1 / (1 + 24φ G(A)/A) with A = 2qR_HS and G(A) built from α = (1 + 2φ)²/(1 − φ)⁴,
/// β = −6φ(1 + φ/2)²/(1 − φ)⁴ and γ = φα/2. Below A = 0.2 a Taylor series of G(A)/A replaces the closed form,
/// whose γ term cancels to A⁶/6 out of terms of order 24. At q → 0 it tends to (1 − φ)⁴/(1 + 2φ)², the
/// PY compressibility limit.
/// </remarks>
public static class PercusYevick
{
    /// <summary>S(q) for hard spheres of radius <paramref name="hardSphereRadius"/> at volume fraction <paramref name="volumeFraction"/>.</summary>
    /// <param name="q">Scattering vector magnitude (Å⁻¹).</param>
    /// <param name="hardSphereRadius">Hard-sphere radius (Å).</param>
    /// <param name="volumeFraction">Volume fraction φ in [0, 0.74).</param>
    /// <returns>The structure factor; 1 for φ = 0.</returns>
    public static double StructureFactor(double q, double hardSphereRadius, double volumeFraction)
    {
        double phi = volumeFraction;
        if (phi <= 0.0)
        {
            return 1.0;
        }

        double denominator = Math.Pow(1.0 - phi, 4);
        double alpha = (1.0 + (2.0 * phi)) * (1.0 + (2.0 * phi)) / denominator;
        double beta = -6.0 * phi * (1.0 + (0.5 * phi)) * (1.0 + (0.5 * phi)) / denominator;
        double gamma = 0.5 * phi * alpha;
        double a = 2.0 * q * hardSphereRadius;
        double gOverA;
        if (a < 0.2)
        {
            double a2 = a * a;
            double a4 = a2 * a2;
            gOverA = (alpha * ((1.0 / 3.0) - (a2 / 30.0) + (a4 / 840.0)))
                + (beta * (0.25 - (a2 / 36.0) + (a4 / 960.0)))
                + (gamma * ((1.0 / 6.0) - (a2 / 48.0) + (a4 / 1200.0)));
        }
        else
        {
            (double s, double c) = Math.SinCos(a);
            double a2 = a * a;
            double g = (alpha / a2 * (s - (a * c)))
                + (beta / (a2 * a) * ((2.0 * a * s) + ((2.0 - a2) * c) - 2.0))
                + (gamma / (a2 * a2 * a) * ((-a2 * a2 * c) + (4.0 * ((((3.0 * a2) - 6.0) * c) + (((a2 * a) - (6.0 * a)) * s) + 6.0))));
            gOverA = g / a;
        }

        return 1.0 / (1.0 + (24.0 * phi * gOverA));
    }
}
