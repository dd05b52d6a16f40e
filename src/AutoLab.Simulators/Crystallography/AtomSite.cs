namespace AutoLab.Simulators.Crystallography;

/// <summary>One atom site of the asymmetric unit, as a CIF lists it.</summary>
/// <param name="Label">Site label, e.g. "Fe1".</param>
/// <param name="TypeSymbol">Scattering type: an element or ion, e.g. "Fe", "Fe3+", "O".</param>
/// <param name="X">Fractional x.</param>
/// <param name="Y">Fractional y.</param>
/// <param name="Z">Fractional z.</param>
/// <param name="Occupancy">Site occupancy in [0, 1].</param>
/// <param name="Biso">Isotropic displacement parameter B (Å²); B = 8π²U.</param>
public sealed record AtomSite(string Label, string TypeSymbol, double X, double Y, double Z, double Occupancy = 1.0, double Biso = 0.5);
