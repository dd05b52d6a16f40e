using System.Collections.Concurrent;

namespace AutoLab.Simulators.Crystallography;

/// <summary>Crystal structures built in from well-known data (room temperature; B factors are typical values, Å²).</summary>
/// <remarks>
/// Lattice parameters: Si 5.4310 Å (the NIST SRM 640 value rounded), NaCl 5.6402 Å, α-Fe 2.8665 Å, Al 4.0495 Å,
/// Ni 3.5240 Å, Cu 3.6149 Å, B2 NiAl 2.887 Å, B2 FeAl 2.909 Å, L1₂ Ni₃Al 3.567 Å, D0₃ Fe₃Al 5.792 Å,
/// Mg 3.2094/5.2108 Å, magnetite 8.3985 Å with O at x = 0.2549 (origin choice 2). Structures that two
/// solid-solution end members share list the same sites (zero occupancy where a species is absent) so
/// <see cref="CrystalStructure.Interpolate"/> can apply Vegard's law between them.
/// </remarks>
public static class BuiltInStructures
{
    private static readonly Dictionary<string, Func<CrystalStructure>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Si"] = () => Cubic("Si", "Fd-3m", 5.4310, new AtomSite("Si", "Si", 0.125, 0.125, 0.125, 1.0, 0.46)),
        ["NaCl"] = () => Cubic("NaCl", "Fm-3m", 5.6402, new AtomSite("Na", "Na", 0, 0, 0, 1.0, 1.6), new AtomSite("Cl", "Cl", 0.5, 0.5, 0.5, 1.0, 1.2)),
        ["CsCl"] = () => Cubic("CsCl", "Pm-3m", 4.123, new AtomSite("Cs", "Cs", 0, 0, 0, 1.0, 1.5), new AtomSite("Cl", "Cl", 0.5, 0.5, 0.5, 1.0, 1.5)),
        ["alpha-Fe"] = () => Cubic("alpha-Fe", "Im-3m", 2.8665, new AtomSite("Fe", "Fe", 0, 0, 0, 1.0, 0.35)),
        ["Al"] = () => Cubic("Al", "Fm-3m", 4.0495, new AtomSite("Al", "Al", 0, 0, 0, 1.0, 0.85)),
        ["Ni"] = () => Cubic("Ni", "Fm-3m", 3.5240, new AtomSite("Ni", "Ni", 0, 0, 0, 1.0, 0.37)),
        ["Cu"] = () => Cubic("Cu", "Fm-3m", 3.6149, new AtomSite("Cu", "Cu", 0, 0, 0, 1.0, 0.55)),
        ["gamma-FeNi"] = () => Cubic("gamma-FeNi", "Fm-3m", 3.5825, new AtomSite("Ni", "Ni", 0, 0, 0, 0.5, 0.45), new AtomSite("Fe", "Fe", 0, 0, 0, 0.5, 0.45)),
        ["NiAl"] = () => B2("NiAl", 2.887, nickel: 1.0),
        ["FeAl"] = () => B2("FeAl", 2.909, nickel: 0.0),
        ["Ni3Al"] = () => Cubic("Ni3Al", "Pm-3m", 3.567, new AtomSite("Al", "Al", 0, 0, 0, 1.0, 0.5), new AtomSite("Ni", "Ni", 0, 0.5, 0.5, 1.0, 0.5)),
        ["Fe3Al"] = () => Cubic("Fe3Al", "Fm-3m", 5.792,
            new AtomSite("Al", "Al", 0, 0, 0, 1.0, 0.6), new AtomSite("Fe1", "Fe", 0.5, 0.5, 0.5, 1.0, 0.5), new AtomSite("Fe2", "Fe", 0.25, 0.25, 0.25, 1.0, 0.5)),
        ["Mg"] = () => new CrystalStructure
        {
            Name = "Mg",
            Cell = UnitCell.Hexagonal(3.2094, 5.2108),
            Operators = SpaceGroups.Get("P63/mmc"),
            Sites = [new AtomSite("Mg", "Mg", 1.0 / 3.0, 2.0 / 3.0, 0.25, 1.0, 1.0)],
        },
        ["Fe3O4"] = () => Cubic("Fe3O4", "Fd-3m", 8.3985,
            new AtomSite("Fe1", "Fe3+", 0.125, 0.125, 0.125, 1.0, 0.4),
            new AtomSite("Fe2", "Fe", 0.5, 0.5, 0.5, 1.0, 0.4),
            new AtomSite("O", "O", 0.2549, 0.2549, 0.2549, 1.0, 0.6)),
    };

    // Structures are immutable, so one instance each is shared; that also lets pattern simulators cache their compiled models.
    private static readonly ConcurrentDictionary<string, CrystalStructure> Instances = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names of the built-in structures.</summary>
    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <summary>A built-in structure by name (case-insensitive).</summary>
    /// <param name="name">E.g. "Si", "NaCl", "alpha-Fe".</param>
    /// <returns>The structure.</returns>
    /// <exception cref="ArgumentException">No structure has that name.</exception>
    public static CrystalStructure Get(string name) =>
        Factories.TryGetValue(name, out var factory)
            ? Instances.GetOrAdd(name, _ => factory())
            : throw new ArgumentException($"no built-in phase '{name}'; built in: {string.Join(", ", Names)}", nameof(name));

    /// <summary>Whether a built-in structure has that name.</summary>
    /// <param name="name">Name (case-insensitive).</param>
    /// <returns>True when built in.</returns>
    public static bool Contains(string name) => Factories.ContainsKey(name);

    private static CrystalStructure Cubic(string name, string group, double a, params AtomSite[] sites) => new()
    {
        Name = name,
        Cell = UnitCell.Cubic(a),
        Operators = SpaceGroups.Get(group),
        Sites = sites,
    };

    // (Ni,Fe)Al with CsCl (B2) order: the transition metals on 1a, Al on 1b; both end members list both metals.
    private static CrystalStructure B2(string name, double a, double nickel) => Cubic(name, "Pm-3m", a,
        new AtomSite("Ni", "Ni", 0, 0, 0, nickel, 0.5),
        new AtomSite("Fe", "Fe", 0, 0, 0, 1.0 - nickel, 0.5),
        new AtomSite("Al", "Al", 0.5, 0.5, 0.5, 1.0, 0.6));
}
