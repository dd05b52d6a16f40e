namespace AutoLab.Simulators.Ring.Lattices;

/// <summary>The kinds of lattice element the ring simulator tracks through.</summary>
public enum ElementKind
{
    /// <summary>A zero-length marker: a named position, no effect on particles.</summary>
    Marker,

    /// <summary>A field-free straight section.</summary>
    Drift,

    /// <summary>A sector dipole (curvature h = angle/L), with optional gradient K1 and hard-edge pole-face rotations E1, E2.</summary>
    Dipole,

    /// <summary>A thick quadrupole of gradient K1 (1/m², positive focuses horizontally).</summary>
    Quadrupole,

    /// <summary>A thick sextupole of strength K2 (1/m³).</summary>
    Sextupole,

    /// <summary>A thick octupole of strength K3 (1/m⁴).</summary>
    Octupole,

    /// <summary>A thin (zero-length) multipole kick; K1, K2 and K3 hold integrated strengths (1/m, 1/m², 1/m³).</summary>
    ThinMultipole,

    /// <summary>An RF cavity; with fixed momentum deviation (no synchrotron motion) it is tracked as a drift of its length.</summary>
    RfCavity,
}
