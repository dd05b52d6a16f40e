using AutoLab.Simulators.Synthesis;

namespace AutoLab.Simulators.Tests.Synthesis;

/// <summary>The built-in Fe–Ni–Al diagram gives single-, two- and three-phase fields by the lever rule, with Vegard lattices along its solid solutions.</summary>
public sealed class PhaseDiagramTests
{
    private const double FractionTolerance = 1e-9;
    private const double LatticeTolerance = 1e-9;

    private readonly PhaseDiagram _diagram = BuiltInPhaseDiagrams.FeNiAl();

    [Fact]
    public void Built_in_system_has_between_five_and_eight_phases()
    {
        Assert.InRange(_diagram.Phases.Count, 5, 8);
        Assert.Equal(["Fe", "Ni", "Al"], _diagram.Elements);
    }

    [Fact]
    public void Pure_aluminium_is_single_phase()
    {
        var phases = _diagram.Equilibrium([0, 0, 1]);

        var only = Assert.Single(phases);
        Assert.Equal("Al", only.Phase);
        Assert.Equal(1.0, only.Fraction, FractionTolerance);
    }

    [Fact]
    public void Equiatomic_FeNiAl2_is_the_B2_solid_solution_with_the_Vegard_lattice()
    {
        var phases = _diagram.Equilibrium([0.25, 0.25, 0.5]);

        var b2 = Assert.Single(phases);
        Assert.Equal("B2-(Ni,Fe)Al", b2.Phase);
        Assert.Equal(0.5, b2.SolutionCoordinate, 1e-9);
        Assert.Equal((2.887 + 2.909) / 2, b2.Structure.Cell.A, LatticeTolerance);
        Assert.Equal(0.5, b2.Structure.Sites.Single(s => s.Label == "Ni").Occupancy, LatticeTolerance);
    }

    [Fact]
    public void Iron_rich_binary_Fe_Ni_splits_into_ferrite_and_austenite_by_the_lever_rule()
    {
        var phases = _diagram.Equilibrium([0.75, 0.25, 0]).ToDictionary(p => p.Phase);

        Assert.Equal(0.5, phases["alpha-Fe"].Fraction, FractionTolerance);
        Assert.Equal(0.5, phases["gamma-(Ni,Fe)"].Fraction, FractionTolerance);
        Assert.Equal(1.0, phases["gamma-(Ni,Fe)"].SolutionCoordinate, 1e-9);
    }

    [Theory]
    [InlineData(0.1, 0.2, 0.7)]
    [InlineData(0.6, 0.1, 0.3)]
    [InlineData(0.05, 0.7, 0.25)]
    [InlineData(0.3, 0.3, 0.4)]
    [InlineData(0.2, 0.6, 0.2)]
    public void Phase_fractions_conserve_mass(double fe, double ni, double al)
    {
        var phases = _diagram.Equilibrium([fe, ni, al]);

        Assert.Equal(1.0, phases.Sum(p => p.Fraction), FractionTolerance);
        double[] recovered = [.. Enumerable.Range(0, 3).Select(e => phases.Sum(p => p.Fraction * p.Composition[e]))];
        Assert.Equal(fe, recovered[0], FractionTolerance);
        Assert.Equal(ni, recovered[1], FractionTolerance);
        Assert.Equal(al, recovered[2], FractionTolerance);
        Assert.InRange(phases.Count, 1, 3);
    }

    [Fact]
    public void Compositions_off_the_simplex_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => _diagram.Equilibrium([0.5, 0.6, 0.1]));
        Assert.Throws<ArgumentException>(() => _diagram.Equilibrium([0.5, 0.5]));
    }
}
