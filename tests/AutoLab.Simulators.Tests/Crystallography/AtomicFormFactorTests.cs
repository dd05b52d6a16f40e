using AutoLab.Simulators.Crystallography;

namespace AutoLab.Simulators.Tests.Crystallography;

/// <summary>The Cromer–Mann table is transcribed correctly: f0(0) equals the electron count, and f0 falls with angle.</summary>
public sealed class AtomicFormFactorTests
{
    private const double ElectronCountTolerance = 0.05;

    private static readonly Dictionary<string, int> Electrons = new()
    {
        ["C"] = 6, ["O"] = 8, ["Na"] = 11, ["Mg"] = 12, ["Al"] = 13, ["Si"] = 14, ["Cl"] = 17, ["Ti"] = 22,
        ["Fe"] = 26, ["Fe2+"] = 24, ["Fe3+"] = 23, ["Co"] = 27, ["Ni"] = 28, ["Cu"] = 29, ["Zn"] = 30,
        ["Ga"] = 31, ["Sr"] = 38, ["Pd"] = 46, ["Cs"] = 55, ["W"] = 74, ["Au"] = 79,
    };

    public static TheoryData<string> Symbols() => [.. AtomicFormFactors.Symbols];

    [Theory]
    [MemberData(nameof(Symbols))]
    public void Form_factor_at_zero_angle_is_the_electron_count(string symbol)
    {
        Assert.True(AtomicFormFactors.TryGet(symbol, out var f));
        Assert.Equal(Electrons[symbol], f.Evaluate(0.0), ElectronCountTolerance);
        Assert.True(f.Evaluate(0.25) < f.Evaluate(0.0), "the form factor must fall with sin θ/λ");
    }

    [Theory]
    [InlineData("Na+", "Na")]
    [InlineData("O2-", "O")]
    [InlineData("Fe1", "Fe")]
    [InlineData("Fe3+", "Fe3+")]
    public void Type_symbols_fall_back_to_the_neutral_atom(string typeSymbol, string tabulated)
    {
        Assert.True(AtomicFormFactors.TryGet(typeSymbol, out var found));
        Assert.True(AtomicFormFactors.TryGet(tabulated, out var expected));
        Assert.Same(expected, found);
    }
}
