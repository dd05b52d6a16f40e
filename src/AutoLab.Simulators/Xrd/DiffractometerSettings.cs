namespace AutoLab.Simulators.Xrd;

/// <summary>Instrument parameters of a Bragg–Brentano powder diffractometer (defaults: a Cu-tube laboratory instrument, Kα1 only).</summary>
/// <remarks>
/// Widths follow Caglioti, Paoletti and Ricci (1958): H_G² = U tan²θ + V tanθ + W (degrees²); crystallite
/// size adds a Lorentzian width by the Scherrer equation β = Kλ/(D cos θ). The two are combined into
/// one pseudo-Voigt by Thompson, Cox and Hastings (1987). See docs/simulators.md.
/// </remarks>
public sealed record DiffractometerSettings
{
    /// <summary>Cu Kα1 wavelength (Å).</summary>
    public const double CopperKAlpha1 = 1.5406;

    /// <summary>Cu Kα2 wavelength (Å).</summary>
    public const double CopperKAlpha2 = 1.54443;

    /// <summary>Primary wavelength λ (Å).</summary>
    public double Wavelength { get; init; } = CopperKAlpha1;

    /// <summary>Second wavelength (Å), e.g. <see cref="CopperKAlpha2"/>, or null for a monochromatic beam.</summary>
    public double? Wavelength2 { get; init; }

    /// <summary>Intensity of the second wavelength relative to the first (0.5 for Cu Kα2/Kα1).</summary>
    public double Wavelength2Ratio { get; init; } = 0.5;

    /// <summary>Caglioti U (degrees²).</summary>
    public double U { get; init; } = 0.0045;

    /// <summary>Caglioti V (degrees²).</summary>
    public double V { get; init; } = -0.0025;

    /// <summary>Caglioti W (degrees²).</summary>
    public double W { get; init; } = 0.0035;

    /// <summary>Scherrer shape factor K (0.9 for spherical crystallites and FWHM).</summary>
    public double ScherrerConstant { get; init; } = 0.9;

    /// <summary>Zero shift added to every peak position (degrees 2θ).</summary>
    public double ZeroShift { get; init; }

    /// <summary>
    /// Height error of the sample surface (mm, positive above the focusing circle). In Bragg–Brentano geometry it
    /// shifts peaks by Δ2θ = −2 s cos θ / R radians, a shift that, unlike the zero error, varies with angle.
    /// </summary>
    public double SampleDisplacement { get; init; }

    /// <summary>Goniometer radius R (mm) for the sample-displacement shift.</summary>
    public double GoniometerRadius { get; init; } = 240.0;

    /// <summary>
    /// Background rate (counts/s) as Chebyshev coefficients c₀, c₁, … of Tₙ(x), x = (2θ − 90°)/90°, so the
    /// background is the same function of 2θ whatever range is measured.
    /// </summary>
    public IReadOnlyList<double> Background { get; init; } = [30.0, -12.0, 6.0];

    /// <summary>Overall scale: counts/s per unit of (fraction/V²)·m|F|²·LP, V in Å³.</summary>
    public double Scale { get; init; } = 60.0;

    /// <summary>Half-width of the window in which a peak is evaluated, in multiples of its FWHM.</summary>
    public double ProfileWindow { get; init; } = 20.0;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        if (!(Wavelength is > 0.1 and < 10))
        {
            throw new ArgumentException($"wavelength must be in (0.1, 10) Å, not {Wavelength}", nameof(Wavelength));
        }

        if (Wavelength2 is { } second && !(second is > 0.1 and < 10))
        {
            throw new ArgumentException($"second wavelength must be in (0.1, 10) Å, not {second}", nameof(Wavelength2));
        }

        if (!(Wavelength2Ratio >= 0) || !(Scale >= 0) || !(ProfileWindow >= 2) || !(ScherrerConstant > 0))
        {
            throw new ArgumentException("wavelength-2 ratio and scale must not be negative, the profile window must be at least 2 FWHM and K positive");
        }

        if (!double.IsFinite(U + V + W + ZeroShift + SampleDisplacement) || Background.Any(c => !double.IsFinite(c)))
        {
            throw new ArgumentException("Caglioti U, V, W, the zero shift, the sample displacement and the background coefficients must be finite");
        }

        if (!(GoniometerRadius > 0))
        {
            throw new ArgumentException($"goniometer radius must be positive, not {GoniometerRadius} mm", nameof(GoniometerRadius));
        }
    }
}
