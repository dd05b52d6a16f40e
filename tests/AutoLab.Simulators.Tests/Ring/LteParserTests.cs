using System.Runtime.CompilerServices;
using AutoLab.Simulators.Ring.Lattices;
using AutoLab.Simulators.Ring.Lte;

namespace AutoLab.Simulators.Tests.Ring;

/// <summary>The .lte subset: lines with repetition and reversal, comments and continuations, USE; anything else is an error naming the line.</summary>
public sealed class LteParserTests
{
    [Fact]
    public void Example_file_is_the_builtin_ring()
    {
        string path = Path.Combine(RepositoryRoot(), "examples", "lattices", "dba.lte");

        Lattice fromFile = LteParser.ParseFile(path);
        Lattice builtin = BuiltinLattices.Dba();

        Assert.Equal(builtin.Elements, fromFile.Elements);
        Assert.Equal(171.6, fromFile.Circumference, 9);
        Assert.Equal(["SH1", "SH2", "SD", "SF"], fromFile.SextupoleFamilies);
        Assert.Equal(24, fromFile.Elements.Count(e => e.Kind == ElementKind.Dipole));
    }

    [Fact]
    public void Repetition_reversal_comments_and_continuations_expand_in_order()
    {
        const string Text = """
            ! a comment line
            D1: DRIF, L=1.0   ! trailing comment
            B1: SBEN, L=2, ANGLE=0.1, &
                E1=0.01, E2=0.03
            Q1: QUAD, L=0.5, K1=1.2
            M: MARK
            A: LINE=(D1, B1, Q1)
            R: LINE=(M, 2*A, -A, 2*(Q1, D1))
            OTHER: LINE=(D1)
            USE, R
            """;

        Lattice lattice = LteParser.Parse(Text);

        Assert.Equal("R", lattice.Name);
        Assert.Equal(
            ["M", "D1", "B1", "Q1", "D1", "B1", "Q1", "Q1", "B1", "D1", "Q1", "D1", "Q1", "D1"],
            lattice.Elements.Select(e => e.Name));
        Element reversedBend = lattice.Elements[8];
        Assert.Equal((0.03, 0.01), (reversedBend.E1, reversedBend.E2));
        Assert.Equal((0.01, 0.03), (lattice.Elements[2].E1, lattice.Elements[2].E2));
        Assert.Equal(1.2, lattice.Elements[3].K1);
    }

    [Theory]
    [InlineData("D: DRIF, L=1\nW: WIGGLER, L=2\nR: LINE=(D)", 2, "type 'WIGGLER'")]
    [InlineData("D: DRIF, L=1\nQ: QUAD, L=1, TILT=0.1\nR: LINE=(D)", 2, "parameter 'TILT'")]
    [InlineData("D: DRIF, L=1\nR: LINE=(D, X)", 2, "'X' is used in a LINE but never defined")]
    [InlineData("D: DRIF, L=\"2*pi\"\nR: LINE=(D)", 1, "not a number")]
    [InlineData("D: DRIF, L=1\n\nR: LINE=(D, (D)", 3, "')'")]
    [InlineData("D: DRIF, L=1\nD: DRIF, L=2\nR: LINE=(D)", 2, "defined twice")]
    public void Unsupported_or_malformed_input_names_the_line(string text, int line, string fragment)
    {
        LteParseException error = Assert.Throws<LteParseException>(() => LteParser.Parse(text, "ring.lte"));

        Assert.Equal(line, error.Line);
        Assert.StartsWith($"ring.lte:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_contains_itself_is_reported_not_expanded_forever()
    {
        LteParseException error = Assert.Throws<LteParseException>(() => LteParser.Parse("A: LINE=(B)\nB: LINE=(A)\nUSE, A"));

        Assert.Contains("contain itself", error.Message, StringComparison.Ordinal);
    }

    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        // From this source file, not the binaries: the artifacts folder may live outside the repository.
        string? directory = Path.GetDirectoryName(sourceFile);
        while (directory is not null && !File.Exists(Path.Combine(directory, "AutoLab.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("AutoLab.sln not found above the test source");
    }
}
