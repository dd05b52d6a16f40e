using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Crystallography;

/// <summary>The example CIF files read into the same structures as the built-ins, and broken CIF is reported with its line.</summary>
public sealed class CifReaderTests
{
    private const double PeakTolerance = 1e-6;
    private const double RelativeIntensityTolerance = 1e-3;

    private const string Minimal = """
        data_test
        _cell_length_a 4.0
        _cell_length_b 4.0
        _cell_length_c 4.0
        _symmetry_space_group_name_H-M 'P m -3 m'
        loop_
        _atom_site_label
        _atom_site_fract_x
        _atom_site_fract_y
        _atom_site_fract_z
        Cu1 0 0 0
        """;

    public static TheoryData<string, string> Examples() => new()
    {
        { "Si.cif", "Si" },
        { "NaCl.cif", "NaCl" },
        { "alpha-Fe.cif", "alpha-Fe" },
        { "Mg.cif", "Mg" },
        { "Fe3O4.cif", "Fe3O4" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_cif_gives_the_built_in_reflections(string file, string builtIn)
    {
        var simulator = new PowderPatternSimulator();
        var settings = new DiffractometerSettings();
        var fromFile = simulator.Reflections(CifStructureReader.ReadFile(ExampleFiles.Cif(file)), settings, 120);
        var expected = simulator.Reflections(BuiltInStructures.Get(builtIn), settings, 120);

        Assert.Equal(expected.Count, fromFile.Count);
        var strongest = expected.Max(r => r.FSquared * r.Multiplicity);
        foreach (var (e, f) in expected.Zip(fromFile))
        {
            Assert.Equal(e.TwoTheta, f.TwoTheta, PeakTolerance);
            Assert.Equal(e.Multiplicity, f.Multiplicity);
            // Ionic type symbols (Na+, Cl-) fall back to the neutral atoms, so intensities match too.
            Assert.Equal(e.FSquared * e.Multiplicity / strongest, f.FSquared * f.Multiplicity / strongest, RelativeIntensityTolerance);
        }
    }

    [Fact]
    public void Uiso_is_converted_to_biso()
    {
        var mg = CifStructureReader.ReadFile(ExampleFiles.Cif("Mg.cif"));

        Assert.Equal(8 * Math.PI * Math.PI * 0.0127, mg.Sites[0].Biso, 1e-9);
    }

    [Fact]
    public void Label_stands_in_for_a_missing_type_symbol_and_defaults_apply()
    {
        var structure = CifStructureReader.Read(Minimal);

        Assert.Equal("Cu1", structure.Sites[0].TypeSymbol);
        Assert.Equal(1.0, structure.Sites[0].Occupancy);
        Assert.Equal(48, structure.Operators.Count);
        Assert.Equal(90, structure.Cell.Gamma);
    }

    [Theory]
    [InlineData("_cell_length_a 4.0", "_cell_length_a 4.O", "test.cif:2: _cell_length_a '4.O' is not a number")]
    [InlineData("_cell_length_a 4.0", "", "test.cif:1: data block 'test' has no _cell_length_a")]
    [InlineData("'P m -3 m'", "'P m -3 m", "test.cif:5: quoted string starting at column 32 is not closed")]
    [InlineData("'P m -3 m'", "'P 4/n b m'", "test.cif:5: _symmetry_space_group_name_h-m 'P 4/n b m' is not a built-in space group")]
    [InlineData("Cu1 0 0 0", "Cu1 0 0", "test.cif:11: loop_ at line 6 has 4 tags but 3 values")]
    [InlineData("Cu1 0 0 0", "Xx1 0 0 0", "test.cif:11: atom type 'Xx1' of site 'Xx1' has no tabulated form factor")]
    [InlineData("_cell_length_b 4.0", "_cell_length_b", "test.cif:3: tag _cell_length_b has no value")]
    public void Errors_name_the_file_and_line(string replace, string with, string expected)
    {
        var text = Minimal.Replace(replace, with, StringComparison.Ordinal);

        var error = Assert.Throws<CifParseException>(() => CifStructureReader.Read(text, "test.cif"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Semicolon_text_fields_and_comments_are_skipped()
    {
        var text = Minimal.Replace("data_test", "data_test\n# a comment\n_publ_section_title\n;\nA title\nover lines\n;", StringComparison.Ordinal);

        var structure = CifStructureReader.Read(text);

        Assert.Single(structure.Sites);
    }
}
