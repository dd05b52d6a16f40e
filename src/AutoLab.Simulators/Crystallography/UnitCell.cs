namespace AutoLab.Simulators.Crystallography;

/// <summary>A unit cell of any crystal system: edge lengths in Å and angles in degrees.</summary>
/// <remarks>
/// d-spacings come from the reciprocal metric tensor G* = G⁻¹, with G the metric tensor of the direct
/// basis (G_ij = a_i · a_j): 1/d² = hᵀ G* h (International Tables Vol. B, §1.1.2–1.1.3). That one formula
/// covers triclinic to cubic, so no crystal system needs its own special case.
/// </remarks>
public sealed class UnitCell
{
    /// <summary>Creates a cell and precomputes its reciprocal metric tensor.</summary>
    /// <param name="a">Edge a (Å).</param>
    /// <param name="b">Edge b (Å).</param>
    /// <param name="c">Edge c (Å).</param>
    /// <param name="alpha">Angle between b and c (degrees).</param>
    /// <param name="beta">Angle between a and c (degrees).</param>
    /// <param name="gamma">Angle between a and b (degrees).</param>
    /// <exception cref="ArgumentException">An edge is not positive or the angles do not make a cell.</exception>
    public UnitCell(double a, double b, double c, double alpha, double beta, double gamma)
    {
        if (!(a > 0 && b > 0 && c > 0) || !double.IsFinite(a + b + c))
        {
            throw new ArgumentException($"cell edges must be positive and finite, not a={a}, b={b}, c={c} Å");
        }

        A = a;
        B = b;
        C = c;
        Alpha = alpha;
        Beta = beta;
        Gamma = gamma;
        var ca = Math.Cos(alpha * Math.PI / 180.0);
        var cb = Math.Cos(beta * Math.PI / 180.0);
        var cg = Math.Cos(gamma * Math.PI / 180.0);
        var root = 1.0 - (ca * ca) - (cb * cb) - (cg * cg) + (2.0 * ca * cb * cg);
        if (!(root > 1e-12) || !(alpha > 0 && alpha < 180 && beta > 0 && beta < 180 && gamma > 0 && gamma < 180))
        {
            throw new ArgumentException($"cell angles alpha={alpha}, beta={beta}, gamma={gamma} degrees do not make a cell");
        }

        Volume = a * b * c * Math.Sqrt(root);
        double[] g =
        [
            a * a, a * b * cg, a * c * cb,
            a * b * cg, b * b, b * c * ca,
            a * c * cb, b * c * ca, c * c,
        ];
        Reciprocal = Invert(g);
    }

    /// <summary>Edge a (Å).</summary>
    public double A { get; }

    /// <summary>Edge b (Å).</summary>
    public double B { get; }

    /// <summary>Edge c (Å).</summary>
    public double C { get; }

    /// <summary>Angle α between b and c (degrees).</summary>
    public double Alpha { get; }

    /// <summary>Angle β between a and c (degrees).</summary>
    public double Beta { get; }

    /// <summary>Angle γ between a and b (degrees).</summary>
    public double Gamma { get; }

    /// <summary>Cell volume (Å³).</summary>
    public double Volume { get; }

    /// <summary>Reciprocal metric tensor G* (Å⁻²), row-major 3×3.</summary>
    public IReadOnlyList<double> Reciprocal { get; }

    /// <summary>A cubic cell.</summary>
    /// <param name="a">Edge (Å).</param>
    /// <returns>The cell.</returns>
    public static UnitCell Cubic(double a) => new(a, a, a, 90, 90, 90);

    /// <summary>A hexagonal cell (γ = 120°).</summary>
    /// <param name="a">Edge a = b (Å).</param>
    /// <param name="c">Edge c (Å).</param>
    /// <returns>The cell.</returns>
    public static UnitCell Hexagonal(double a, double c) => new(a, a, c, 90, 90, 120);

    /// <summary>1/d² of the plane (hkl), in Å⁻².</summary>
    /// <param name="h">Miller index h.</param>
    /// <param name="k">Miller index k.</param>
    /// <param name="l">Miller index l.</param>
    /// <returns>hᵀ G* h.</returns>
    public double InverseDSquared(int h, int k, int l)
    {
        var g = Reciprocal;
        return (h * h * g[0]) + (k * k * g[4]) + (l * l * g[8])
            + (2.0 * ((h * k * g[1]) + (h * l * g[2]) + (k * l * g[5])));
    }

    /// <summary>The dot product of two reciprocal-lattice vectors, h₁ᵀ G* h₂ (Å⁻²); with itself it is 1/d².</summary>
    /// <param name="h1">First vector's h.</param>
    /// <param name="k1">First vector's k.</param>
    /// <param name="l1">First vector's l.</param>
    /// <param name="h2">Second vector's h.</param>
    /// <param name="k2">Second vector's k.</param>
    /// <param name="l2">Second vector's l.</param>
    /// <returns>The dot product.</returns>
    public double ReciprocalDot(int h1, int k1, int l1, int h2, int k2, int l2)
    {
        var g = Reciprocal;
        return (h1 * ((g[0] * h2) + (g[1] * k2) + (g[2] * l2)))
            + (k1 * ((g[3] * h2) + (g[4] * k2) + (g[5] * l2)))
            + (l1 * ((g[6] * h2) + (g[7] * k2) + (g[8] * l2)));
    }

    /// <summary>The interplanar spacing d of (hkl), in Å.</summary>
    /// <param name="h">Miller index h.</param>
    /// <param name="k">Miller index k.</param>
    /// <param name="l">Miller index l.</param>
    /// <returns>d (Å).</returns>
    public double DSpacing(int h, int k, int l) => 1.0 / Math.Sqrt(InverseDSquared(h, k, l));

    /// <summary>The cell with every edge scaled, e.g. for thermal expansion.</summary>
    /// <param name="factor">Scale factor.</param>
    /// <returns>The scaled cell.</returns>
    public UnitCell Scaled(double factor) => new(A * factor, B * factor, C * factor, Alpha, Beta, Gamma);

    /// <summary>Linear interpolation of all six parameters (Vegard's law for a solid solution).</summary>
    /// <param name="other">The other end member.</param>
    /// <param name="t">Fraction of <paramref name="other"/> in [0, 1].</param>
    /// <returns>The interpolated cell.</returns>
    public UnitCell Lerp(UnitCell other, double t) => new(
        A + (t * (other.A - A)),
        B + (t * (other.B - B)),
        C + (t * (other.C - C)),
        Alpha + (t * (other.Alpha - Alpha)),
        Beta + (t * (other.Beta - Beta)),
        Gamma + (t * (other.Gamma - Gamma)));

    private static double[] Invert(double[] m)
    {
        var c00 = (m[4] * m[8]) - (m[5] * m[7]);
        var c01 = (m[5] * m[6]) - (m[3] * m[8]);
        var c02 = (m[3] * m[7]) - (m[4] * m[6]);
        var det = (m[0] * c00) + (m[1] * c01) + (m[2] * c02);
        return
        [
            c00 / det, ((m[2] * m[7]) - (m[1] * m[8])) / det, ((m[1] * m[5]) - (m[2] * m[4])) / det,
            c01 / det, ((m[0] * m[8]) - (m[2] * m[6])) / det, ((m[2] * m[3]) - (m[0] * m[5])) / det,
            c02 / det, ((m[1] * m[6]) - (m[0] * m[7])) / det, ((m[0] * m[4]) - (m[1] * m[3])) / det,
        ];
    }
}
