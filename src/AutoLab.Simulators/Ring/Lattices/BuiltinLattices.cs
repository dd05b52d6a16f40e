using AutoLab.Simulators.Ring.Lte;

namespace AutoLab.Simulators.Ring.Lattices;

/// <summary>Lattices built into the simulator, for tests, benchmarks and dry runs.</summary>
public static class BuiltinLattices
{
    /// <summary>Name of the double-bend achromat, as the CLI's <c>--builtin</c> takes it.</summary>
    public const string DbaName = "dba";

    /// <summary>
    /// The built-in test ring as elegant .lte text (the same as <c>examples/lattices/dba.lte</c>): a 12-cell
    /// double-bend achromat with chromatic (SF, SD) and harmonic (SH1, SH2) sextupole families.
    /// </summary>
    public const string DbaLte = """
! AutoLab's built-in test ring: a 12-cell double-bend achromat (DBA), 171.6 m around.
! Elegant .lte conventions: lengths in m, angles in rad, K1 in 1/m^2, K2 in 1/m^3.
! Each cell is mirror-symmetric about its centre. The two bends of a cell, with the focusing
! quadrupole Q3 between them, close the dispersion, so the long straights are dispersion-free
! (Q3 is set so the tracked model, 4th-order integrator included, closes it to 1e-15 m).
! SF and SD sit where the dispersion is large and correct the chromaticity; SH1 and SH2 sit in the
! dispersion-free straight and act only on the nonlinear (geometric) aberrations: harmonic sextupoles.
! The ring starts at the centre of a long straight.

L1:  DRIF, L=2.5
LQ:  DRIF, L=0.05
LH:  DRIF, L=0.2
LB:  DRIF, L=0.5
LC:  DRIF, L=0.1
Q1:  KQUAD, L=0.3, K1=2.4
Q2:  KQUAD, L=0.3, K1=-2.6
Q3:  KQUAD, L=0.35, K1=1.6123120151061154
B:   CSBEND, L=1.5, ANGLE=0.2617993877991494, E1=0, E2=0
SH1: KSEXT, L=0.2, K2=0
SH2: KSEXT, L=0.2, K2=0
SD:  KSEXT, L=0.2, K2=-102.6
SF:  KSEXT, L=0.2, K2=97.62

HALF: LINE=(L1, Q1, LQ, SH1, LQ, Q2, LH, SH2, LH, B, LB, SD, LH, Q3, LC, SF, LC)
CELL: LINE=(HALF, -HALF)
RING: LINE=(12*CELL)
USE, RING
""";

    /// <summary>Names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [DbaName];

    /// <summary>The double-bend achromat test ring (sextupoles set for chromaticities near +1).</summary>
    /// <returns>The lattice.</returns>
    public static Lattice Dba() => LteParser.Parse(DbaLte, "builtin:dba");

    /// <summary>A built-in lattice by name.</summary>
    /// <param name="name">"dba".</param>
    /// <returns>The lattice.</returns>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static Lattice Create(string name) => name.Trim().ToLowerInvariant() switch
    {
        DbaName => Dba(),
        _ => throw new ArgumentException($"no built-in lattice '{name}'; built in: {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>
    /// A ring of <paramref name="cells"/> thin-lens FODO cells, each ½QF – L – QD – L – ½QF with thin
    /// quadrupoles of focal length ±<paramref name="focalLength"/> (half-quads 2f): cos μ = 1 − L²/(2f²) per cell.
    /// </summary>
    /// <param name="cells">Number of cells.</param>
    /// <param name="driftLength">L: the distance between neighbouring quadrupole centres (m).</param>
    /// <param name="focalLength">f of the full quadrupoles (m).</param>
    /// <returns>The lattice.</returns>
    public static Lattice ThinFodo(int cells, double driftLength, double focalLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cells, 1);
        var cell = new[]
        {
            Element.ThinMultipole("QF_HALF", 0.5 / focalLength),
            Element.Drift("L", driftLength),
            Element.ThinMultipole("QD", -1.0 / focalLength),
            Element.Drift("L", driftLength),
            Element.ThinMultipole("QF_HALF", 0.5 / focalLength),
        };
        return new Lattice("THIN_FODO", Enumerable.Repeat(cell, cells).SelectMany(c => c));
    }
}
