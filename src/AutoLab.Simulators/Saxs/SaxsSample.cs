namespace AutoLab.Simulators.Saxs;

/// <summary>What a SAXS/SANS sample is made of: particle shape, size distribution, contrast and concentration.</summary>
/// <remarks>
/// Lengths are in Å and scattering-length densities in 10⁻⁶ Å⁻², so intensities come out in absolute units
/// (cm⁻¹). <see cref="ScatteringModel"/> turns a sample into I(q); <seealso cref="FilmMorphology"/> makes
/// samples that vary with position.
/// </remarks>
public sealed record SaxsSample
{
    /// <summary>Particle shape.</summary>
    public SaxsModel Model { get; init; } = SaxsModel.Sphere;

    /// <summary>Mean characteristic size (Å): sphere or core radius, cylinder radius, ellipsoid equatorial radius, or chain Rg.</summary>
    public double Radius { get; init; } = 50.0;

    /// <summary>Relative standard deviation σ/R̄ of the Schulz (number-weighted) distribution of <see cref="Radius"/>; 0 for monodisperse.</summary>
    public double Polydispersity { get; init; }

    /// <summary>Shell thickness of a core–shell sphere (Å).</summary>
    public double ShellThickness { get; init; } = 10.0;

    /// <summary>Cylinder length (Å).</summary>
    public double Length { get; init; } = 400.0;

    /// <summary>Ellipsoid polar over equatorial radius: above 1 prolate, below 1 oblate.</summary>
    public double AspectRatio { get; init; } = 2.0;

    /// <summary>Scattering contrast Δρ of the particle (core) against the solvent (10⁻⁶ Å⁻²).</summary>
    public double Contrast { get; init; } = 3.0;

    /// <summary>Contrast of a core–shell sphere's shell against the solvent (10⁻⁶ Å⁻²).</summary>
    public double ShellContrast { get; init; } = 1.0;

    /// <summary>Dry volume of a Gaussian chain of the mean Rg (Å³); a chain of radius of gyration Rg has volume ∝ Rg².</summary>
    public double ChainVolume { get; init; } = 50_000.0;

    /// <summary>Volume fraction φ of particles, in (0, 0.5]; sets the absolute scale and the structure factor.</summary>
    public double VolumeFraction { get; init; } = 0.01;

    /// <summary>Whether the Percus–Yevick hard-sphere structure factor is applied (not to Gaussian chains).</summary>
    public bool HardSphereInteractions { get; init; }

    /// <summary>Flat incoherent background (cm⁻¹).</summary>
    public double Background { get; init; } = 0.001;

    /// <summary>In-plane alignment of cylinders and ellipsoids, or null for an isotropic sample.</summary>
    public InPlaneOrientation? Orientation { get; init; }

    /// <summary>The first invalid field, as a message, or null when the sample is valid.</summary>
    /// <returns>A message naming the field and its value, or null.</returns>
    public string? FindProblem()
    {
        if (!(Radius > 0 && double.IsFinite(Radius)))
        {
            return $"radius must be positive (Å), not {Radius}";
        }

        if (!(Polydispersity >= 0 && Polydispersity <= 0.6))
        {
            return $"polydispersity must be in [0, 0.6], not {Polydispersity}";
        }

        if (!(ShellThickness >= 0 && double.IsFinite(ShellThickness)))
        {
            return $"shell thickness must not be negative (Å), not {ShellThickness}";
        }

        if (!(Length > 0 && double.IsFinite(Length)))
        {
            return $"length must be positive (Å), not {Length}";
        }

        if (!(AspectRatio > 0 && double.IsFinite(AspectRatio)))
        {
            return $"aspect ratio must be positive, not {AspectRatio}";
        }

        if (!double.IsFinite(Contrast) || !double.IsFinite(ShellContrast))
        {
            return "contrasts must be finite";
        }

        if (!(ChainVolume > 0 && double.IsFinite(ChainVolume)))
        {
            return $"chain volume must be positive (Å³), not {ChainVolume}";
        }

        if (!(VolumeFraction > 0 && VolumeFraction <= 0.5))
        {
            return $"volume fraction must be in (0, 0.5], not {VolumeFraction}";
        }

        if (!(Background >= 0 && double.IsFinite(Background)))
        {
            return $"background must not be negative (1/cm), not {Background}";
        }

        if (Orientation is { } o && !(double.IsFinite(o.AngleDegrees) && o.SpreadDegrees >= 0 && double.IsFinite(o.SpreadDegrees)))
        {
            return $"orientation needs a finite angle and a spread that is not negative, not {o}";
        }

        return null;
    }
}
