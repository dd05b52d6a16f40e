using AutoLab.Simulators.Crystallography;

namespace AutoLab.Simulators.Synthesis;

/// <summary>Built-in phase diagrams.</summary>
public static class BuiltInPhaseDiagrams
{
    /// <summary>Name of <see cref="FeNiAl"/>.</summary>
    public const string FeNiAlName = "Fe-Ni-Al";

    /// <summary>
    /// A schematic Fe–Ni–Al system with seven phases of real structure: Al (fcc), α-Fe (bcc), the fcc
    /// γ-(Ni,Fe) solid solution from Ni to Fe₀.₅Ni₀.₅, the B2 (Ni,Fe)Al solid solution from NiAl to FeAl,
    /// L1₂ Ni₃Al and D0₃ Fe₃Al.
    /// </summary>
    /// <remarks>
    /// Formation energies (eV/atom) are rounded literature-scale values chosen so the hull has the
    /// familiar topology (B2 NiAl the most stable; Ni₃Al and Fe₃Al on the hull); they are not an assessed
    /// CALPHAD description, and Al-rich aluminides (NiAl₃, FeAl₃, Ni₂Al₃) are left out. Lattice parameters
    /// follow Vegard's law along both solid solutions, so peaks shift with composition.
    /// </remarks>
    /// <returns>The diagram; elements in the order Fe, Ni, Al.</returns>
    public static PhaseDiagram FeNiAl() => new PhaseDiagramBuilder(FeNiAlName, "Fe", "Ni", "Al")
        .AddCompound("Al", BuiltInStructures.Get("Al"), [0, 0, 1], 0.0)
        .AddCompound("alpha-Fe", BuiltInStructures.Get("alpha-Fe"), [1, 0, 0], 0.0)
        .AddSolidSolution("gamma-(Ni,Fe)", GammaEnd(BuiltInStructures.Get("Ni"), 1.0), GammaEnd(BuiltInStructures.Get("gamma-FeNi"), 0.5),
            [0, 1, 0], [0.5, 0.5, 0], 0.0, -0.03, -0.04)
        .AddSolidSolution("B2-(Ni,Fe)Al", BuiltInStructures.Get("NiAl"), BuiltInStructures.Get("FeAl"),
            [0, 0.5, 0.5], [0.5, 0, 0.5], -0.68, -0.33, -0.06)
        .AddCompound("Ni3Al", BuiltInStructures.Get("Ni3Al"), [0, 0.75, 0.25], -0.42)
        .AddCompound("Fe3Al", BuiltInStructures.Get("Fe3Al"), [0.75, 0, 0.25], -0.20)
        .Build();

    /// <summary>Names of the built-in diagrams.</summary>
    public static IReadOnlyList<string> Names { get; } = [FeNiAlName];

    /// <summary>A built-in diagram by name (case-insensitive).</summary>
    /// <param name="name">E.g. "Fe-Ni-Al".</param>
    /// <returns>The diagram.</returns>
    /// <exception cref="ArgumentException">No diagram has that name.</exception>
    public static PhaseDiagram Get(string name) =>
        name.Equals(FeNiAlName, StringComparison.OrdinalIgnoreCase) || name.Equals("FeNiAl", StringComparison.OrdinalIgnoreCase)
            ? FeNiAl()
            : throw new ArgumentException($"no built-in phase diagram '{name}'; built in: {string.Join(", ", Names)}", nameof(name));

    // The γ end members share the sites (Ni, Fe) on 4a so Vegard's law can interpolate occupancies.
    private static CrystalStructure GammaEnd(CrystalStructure structure, double nickel) => structure with
    {
        Name = "gamma-(Ni,Fe)",
        Sites = [new AtomSite("Ni", "Ni", 0, 0, 0, nickel, 0.4), new AtomSite("Fe", "Fe", 0, 0, 0, 1.0 - nickel, 0.4)],
    };
}
