namespace AutoLab.Simulators.Saxs;

/// <summary>
/// Command option keys of the SAXS instrument (from a campaign spec's instrument options); the behaviour keys of
/// <see cref="Behaviour.BehaviourOptionKeys"/> apply too. Sample-parameter keys may also be point parameters.
/// </summary>
public static class SaxsOptionKeys
{
    /// <summary>Particle model: sphere, core-shell, cylinder, ellipsoid or gaussian-chain.</summary>
    public const string Model = "model";

    /// <summary>Mean radius (Å): sphere, core, cylinder or equatorial radius, or chain Rg.</summary>
    public const string Radius = "radius";

    /// <summary>Schulz σ/R̄.</summary>
    public const string Polydispersity = "polydispersity";

    /// <summary>Core–shell shell thickness (Å).</summary>
    public const string ShellThickness = "shell_thickness";

    /// <summary>Core–shell shell contrast (10⁻⁶ Å⁻²).</summary>
    public const string ShellContrast = "shell_contrast";

    /// <summary>Cylinder length (Å).</summary>
    public const string Length = "length";

    /// <summary>Ellipsoid polar over equatorial radius.</summary>
    public const string AspectRatio = "aspect_ratio";

    /// <summary>Particle (core) contrast (10⁻⁶ Å⁻²).</summary>
    public const string Contrast = "contrast";

    /// <summary>Gaussian-chain volume (Å³).</summary>
    public const string ChainVolume = "chain_volume";

    /// <summary>Volume fraction φ.</summary>
    public const string VolumeFraction = "volume_fraction";

    /// <summary>Incoherent background (cm⁻¹).</summary>
    public const string Background = "background";

    /// <summary>"true" or "false": apply the Percus–Yevick hard-sphere structure factor.</summary>
    public const string StructureFactor = "structure_factor";

    /// <summary>Smallest q (Å⁻¹).</summary>
    public const string QMin = "q_min";

    /// <summary>Largest q (Å⁻¹).</summary>
    public const string QMax = "q_max";

    /// <summary>Number of q points.</summary>
    public const string Points = "points";

    /// <summary>Relative resolution σ_q/q.</summary>
    public const string Resolution = "resolution";

    /// <summary>Counting time (s); also accepted as a point parameter for adaptive counting.</summary>
    public const string CountTime = "count_time_s";

    /// <summary>Detected counts per second per q point for 1 cm⁻¹.</summary>
    public const string CountsPerSecond = "counts_per_second";

    /// <summary>"film" (the point is a position x, y in mm on a seeded film) or "solution" (the point sets sample parameters).</summary>
    public const string SampleKind = "sample";

    /// <summary>Seed of the film's morphology map (an integer).</summary>
    public const string FilmSeed = "film_seed";

    /// <summary>Film width (mm).</summary>
    public const string FilmWidth = "film_width_mm";

    /// <summary>Film height (mm).</summary>
    public const string FilmHeight = "film_height_mm";

    /// <summary>Point parameter: film position x (mm).</summary>
    public const string X = "x";

    /// <summary>Point parameter: film position y (mm).</summary>
    public const string Y = "y";
}
