namespace AutoLab.Simulators.Saxs;

/// <summary>Particle shapes the SAXS/SANS simulator scatters from.</summary>
public enum SaxsModel
{
    /// <summary>Homogeneous sphere of radius R.</summary>
    Sphere,

    /// <summary>Sphere of core radius R with a shell of uniform thickness; core and shell have their own contrasts.</summary>
    CoreShell,

    /// <summary>Right circular cylinder of radius R and length L.</summary>
    Cylinder,

    /// <summary>Ellipsoid of revolution with equatorial radius R and polar radius R × aspect ratio.</summary>
    Ellipsoid,

    /// <summary>Ideal (Gaussian) polymer chain of radius of gyration Rg = R (Debye function).</summary>
    GaussianChain,
}
