namespace AutoLab.Simulators.Ring.Lattices;

/// <summary>A ring lattice: elements in beam order, the last joining back to the first.</summary>
/// <remarks>
/// Immutable: changing a family strength returns a new lattice, so a lattice can be shared between
/// threads and cached. <seealso cref="BuiltinLattices"/> and <see cref="Lte.LteParser"/> make lattices.
/// </remarks>
public sealed class Lattice
{
    /// <summary>Creates a lattice.</summary>
    /// <param name="name">Name (the beamline used).</param>
    /// <param name="elements">Elements in beam order.</param>
    /// <exception cref="ArgumentException">The lattice is empty, or an element has a negative length, a non-finite strength or fewer than one step.</exception>
    public Lattice(string name, IEnumerable<Element> elements)
    {
        Name = name;
        Elements = [.. elements];
        if (Elements.Count == 0)
        {
            throw new ArgumentException($"lattice '{name}' has no elements", nameof(elements));
        }

        foreach (Element e in Elements)
        {
            if (!(e.Length >= 0.0) || !double.IsFinite(e.Length))
            {
                throw new ArgumentException($"element '{e.Name}' has length {e.Length}; lengths must be finite and non-negative", nameof(elements));
            }

            if (!double.IsFinite(e.Angle) || !double.IsFinite(e.K1) || !double.IsFinite(e.K2) || !double.IsFinite(e.K3) || !double.IsFinite(e.E1) || !double.IsFinite(e.E2))
            {
                throw new ArgumentException($"element '{e.Name}' has a non-finite strength", nameof(elements));
            }

            if (e.Steps < 1)
            {
                throw new ArgumentException($"element '{e.Name}' has {e.Steps} integration steps; at least 1 is needed", nameof(elements));
            }

            if (e.Kind == ElementKind.Dipole && e.Length == 0.0)
            {
                throw new ArgumentException($"dipole '{e.Name}' has zero length", nameof(elements));
            }
        }

        Circumference = Elements.Sum(e => e.Length);
    }

    /// <summary>Name of the lattice.</summary>
    public string Name { get; }

    /// <summary>Elements in beam order.</summary>
    public IReadOnlyList<Element> Elements { get; }

    /// <summary>Total length (m).</summary>
    public double Circumference { get; }

    /// <summary>Names of the sextupole families (thick sextupoles grouped by name, case-insensitive), in order of first appearance.</summary>
    public IReadOnlyList<string> SextupoleFamilies =>
        [.. Elements.Where(e => e.Kind == ElementKind.Sextupole).Select(e => e.Name).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The strength K2 (1/m³) of a sextupole family: that of its first member.</summary>
    /// <param name="family">Family name (case-insensitive).</param>
    /// <returns>K2 (1/m³).</returns>
    /// <exception cref="ArgumentException">No sextupole has that name.</exception>
    public double SextupoleStrength(string family) =>
        Elements.FirstOrDefault(e => e.Kind == ElementKind.Sextupole && e.Name.Equals(family, StringComparison.OrdinalIgnoreCase))?.K2
        ?? throw new ArgumentException($"lattice '{Name}' has no sextupole family '{family}'; it has {string.Join(", ", SextupoleFamilies)}", nameof(family));

    /// <summary>A copy with every sextupole of a family set to a strength.</summary>
    /// <param name="family">Family name (case-insensitive).</param>
    /// <param name="k2">Strength (1/m³).</param>
    /// <returns>The new lattice.</returns>
    /// <exception cref="ArgumentException">No sextupole has that name.</exception>
    public Lattice WithSextupoleStrength(string family, double k2)
    {
        _ = SextupoleStrength(family);
        return new Lattice(Name, Elements.Select(e =>
            e.Kind == ElementKind.Sextupole && e.Name.Equals(family, StringComparison.OrdinalIgnoreCase) ? e with { K2 = k2 } : e));
    }

    /// <summary>A copy with several sextupole families set.</summary>
    /// <param name="strengths">K2 (1/m³) by family name.</param>
    /// <returns>The new lattice.</returns>
    /// <exception cref="ArgumentException">A family does not exist.</exception>
    public Lattice WithSextupoleStrengths(IReadOnlyDictionary<string, double> strengths)
    {
        Lattice lattice = this;
        foreach ((string family, double k2) in strengths)
        {
            lattice = lattice.WithSextupoleStrength(family, k2);
        }

        return lattice;
    }
}
