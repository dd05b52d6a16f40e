using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Crystallography;

/// <summary>Symmetry operators parse from CIF text, and the built-in groups have the right orders and generate the right cells.</summary>
public sealed class SymmetryTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Operator_text_is_parsed_into_rotation_and_translation()
    {
        var op = SymmetryOperator.Parse("-x+1/2, y-x, -Z+0.75");

        var (x, y, z) = op.Apply(0.1, 0.2, 0.3);
        Assert.Equal(0.4, x, Tolerance);
        Assert.Equal(0.1, y, Tolerance);
        Assert.Equal(0.45, z, Tolerance);
        Assert.Equal("-x+1/2,-x+y,-z+3/4", op.ToString());
    }

    [Theory]
    [InlineData("x,y")]
    [InlineData("x,y,q")]
    [InlineData("x,y,z+1/0")]
    public void Malformed_operators_are_rejected(string text)
    {
        Assert.Throws<FormatException>(() => SymmetryOperator.Parse(text));
    }

    [Theory]
    [InlineData("P 1", 1)]
    [InlineData("P 63/m m c", 24)]
    [InlineData("P m -3 m", 48)]
    [InlineData("I m -3 m", 96)]
    [InlineData("F -4 3 m", 96)]
    [InlineData("F m -3 m", 192)]
    [InlineData("F d -3 m", 192)]
    [InlineData("227:1", 192)]
    public void Built_in_groups_have_their_order(string name, int order)
    {
        Assert.Equal(order, SpaceGroups.Get(name).Count);
    }

    [Fact]
    public void Diamond_has_eight_atoms_in_either_origin_choice()
    {
        var origin2 = BuiltInStructures.Get("Si");
        var origin1 = origin2 with { Operators = SpaceGroups.Get("Fd-3m:1"), Sites = [new AtomSite("Si", "Si", 0, 0, 0)] };

        Assert.Equal(8, PhaseModel.Compile(origin2, 1.0).AtomCount);
        Assert.Equal(8, PhaseModel.Compile(origin1, 1.0).AtomCount);
    }

    [Theory]
    [InlineData("NaCl", 8)]
    [InlineData("alpha-Fe", 2)]
    [InlineData("Ni3Al", 4)]
    [InlineData("Fe3Al", 16)]
    [InlineData("Mg", 2)]
    [InlineData("Fe3O4", 56)]
    public void Operators_generate_the_full_cell(string phase, int atoms)
    {
        Assert.Equal(atoms, PhaseModel.Compile(BuiltInStructures.Get(phase), 1.0).AtomCount);
    }
}
