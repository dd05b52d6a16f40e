namespace AutoLab.Simulators.Crystallography;

/// <summary>A crystal structure: cell, symmetry operators and the asymmetric unit's sites.</summary>
/// <remarks>
/// Read from CIF by <see cref="CifStructureReader"/> or taken from <see cref="BuiltInStructures"/>; the
/// diffraction pattern is computed by <c>AutoLab.Simulators.Xrd.PhaseModel</c>.
/// </remarks>
public sealed record CrystalStructure
{
    /// <summary>Phase name, e.g. "Si" or "NaCl (halite)".</summary>
    public required string Name { get; init; }

    /// <summary>The unit cell.</summary>
    public required UnitCell Cell { get; init; }

    /// <summary>All symmetry operators of the space group, centring translations included; at least the identity.</summary>
    public required IReadOnlyList<SymmetryOperator> Operators { get; init; }

    /// <summary>Sites of the asymmetric unit; the operators generate the rest of the cell.</summary>
    public required IReadOnlyList<AtomSite> Sites { get; init; }

    /// <summary>
    /// Vegard's law between two end members with the same sites in the same order: cell parameters,
    /// occupancies and B factors are interpolated linearly (positions are taken from this structure).
    /// </summary>
    /// <param name="other">The other end member.</param>
    /// <param name="t">Fraction of <paramref name="other"/> in [0, 1].</param>
    /// <param name="name">Name of the result.</param>
    /// <returns>The interpolated structure.</returns>
    /// <exception cref="ArgumentException">The end members' sites differ in count or label.</exception>
    public CrystalStructure Interpolate(CrystalStructure other, double t, string name)
    {
        if (other.Sites.Count != Sites.Count || Sites.Zip(other.Sites).Any(p => p.First.Label != p.Second.Label))
        {
            throw new ArgumentException($"end members '{Name}' and '{other.Name}' must list the same sites in the same order");
        }

        return this with
        {
            Name = name,
            Cell = Cell.Lerp(other.Cell, t),
            Sites = [.. Sites.Zip(other.Sites, (a, b) => a with
            {
                Occupancy = a.Occupancy + (t * (b.Occupancy - a.Occupancy)),
                Biso = a.Biso + (t * (b.Biso - a.Biso)),
            })],
        };
    }
}
