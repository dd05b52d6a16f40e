namespace AutoLab.Simulators.Ring.Lattices;

/// <summary>One element of a ring lattice, with MAD/elegant conventions for the strengths.</summary>
/// <remarks>
/// Strengths are normalised to the reference momentum (K_n = (∂ⁿB_y/∂xⁿ)/(Bρ)), so a kick does not
/// depend on the particle's momentum deviation; the deviation enters through the drifts (x' = p_x/(1+δ)).
/// <seealso cref="Lattice"/> holds elements in beam order.
/// </remarks>
public sealed record Element
{
    /// <summary>Name; elements sharing a name form a family (e.g. all "SF" sextupoles).</summary>
    public required string Name { get; init; }

    /// <summary>What the element is.</summary>
    public required ElementKind Kind { get; init; }

    /// <summary>Length along the reference orbit (m); zero for markers and thin multipoles.</summary>
    public double Length { get; init; }

    /// <summary>Bending angle of a dipole (rad); positive bends toward negative x (the ring's inside).</summary>
    public double Angle { get; init; }

    /// <summary>Entrance pole-face rotation of a dipole (rad); zero for a sector bend.</summary>
    public double E1 { get; init; }

    /// <summary>Exit pole-face rotation of a dipole (rad); zero for a sector bend.</summary>
    public double E2 { get; init; }

    /// <summary>Quadrupole gradient (1/m²); integrated (1/m) for a thin multipole.</summary>
    public double K1 { get; init; }

    /// <summary>Sextupole strength (1/m³); integrated (1/m²) for a thin multipole.</summary>
    public double K2 { get; init; }

    /// <summary>Octupole strength (1/m⁴); integrated (1/m³) for a thin multipole.</summary>
    public double K3 { get; init; }

    /// <summary>RF voltage (V), kept from the lattice file for reference; 4-D tracking does not use it.</summary>
    public double Voltage { get; init; }

    /// <summary>Integration steps of the 4th-order integrator through a thick magnet (at least 1).</summary>
    public int Steps { get; init; } = 1;

    /// <summary>A drift.</summary>
    /// <param name="name">Name.</param>
    /// <param name="length">Length (m).</param>
    /// <returns>The element.</returns>
    public static Element Drift(string name, double length) => new() { Name = name, Kind = ElementKind.Drift, Length = length };

    /// <summary>A sector dipole.</summary>
    /// <param name="name">Name.</param>
    /// <param name="length">Arc length (m).</param>
    /// <param name="angle">Bending angle (rad).</param>
    /// <param name="k1">Gradient (1/m²).</param>
    /// <param name="e1">Entrance pole-face rotation (rad).</param>
    /// <param name="e2">Exit pole-face rotation (rad).</param>
    /// <param name="steps">Integration steps.</param>
    /// <returns>The element.</returns>
    public static Element Dipole(string name, double length, double angle, double k1 = 0.0, double e1 = 0.0, double e2 = 0.0, int steps = 4) =>
        new() { Name = name, Kind = ElementKind.Dipole, Length = length, Angle = angle, K1 = k1, E1 = e1, E2 = e2, Steps = steps };

    /// <summary>A thick quadrupole.</summary>
    /// <param name="name">Name.</param>
    /// <param name="length">Length (m).</param>
    /// <param name="k1">Gradient (1/m²).</param>
    /// <param name="steps">Integration steps.</param>
    /// <returns>The element.</returns>
    public static Element Quadrupole(string name, double length, double k1, int steps = 2) =>
        new() { Name = name, Kind = ElementKind.Quadrupole, Length = length, K1 = k1, Steps = steps };

    /// <summary>A thick sextupole.</summary>
    /// <param name="name">Name (the family).</param>
    /// <param name="length">Length (m).</param>
    /// <param name="k2">Strength (1/m³).</param>
    /// <param name="steps">Integration steps.</param>
    /// <returns>The element.</returns>
    public static Element Sextupole(string name, double length, double k2, int steps = 1) =>
        new() { Name = name, Kind = ElementKind.Sextupole, Length = length, K2 = k2, Steps = steps };

    /// <summary>A thick octupole.</summary>
    /// <param name="name">Name.</param>
    /// <param name="length">Length (m).</param>
    /// <param name="k3">Strength (1/m⁴).</param>
    /// <param name="steps">Integration steps.</param>
    /// <returns>The element.</returns>
    public static Element Octupole(string name, double length, double k3, int steps = 1) =>
        new() { Name = name, Kind = ElementKind.Octupole, Length = length, K3 = k3, Steps = steps };

    /// <summary>A thin multipole kick.</summary>
    /// <param name="name">Name.</param>
    /// <param name="k1l">Integrated quadrupole strength (1/m); 1/f of a thin lens.</param>
    /// <param name="k2l">Integrated sextupole strength (1/m²).</param>
    /// <param name="k3l">Integrated octupole strength (1/m³).</param>
    /// <returns>The element.</returns>
    public static Element ThinMultipole(string name, double k1l, double k2l = 0.0, double k3l = 0.0) =>
        new() { Name = name, Kind = ElementKind.ThinMultipole, K1 = k1l, K2 = k2l, K3 = k3l };

    /// <summary>A marker.</summary>
    /// <param name="name">Name.</param>
    /// <returns>The element.</returns>
    public static Element Marker(string name) => new() { Name = name, Kind = ElementKind.Marker };
}
