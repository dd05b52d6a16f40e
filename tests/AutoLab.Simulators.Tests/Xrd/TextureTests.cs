using AutoLab.Simulators.Crystallography;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Simulators.Tests.Xrd;

/// <summary>March–Dollase texture: r = 1 changes nothing, and planes parallel or perpendicular to the preferred direction get r⁻³ and r^{3/2}.</summary>
public sealed class TextureTests
{
    private const double FactorTolerance = 1e-9;

    private static Dictionary<(int H, int K, int L), Reflection> Magnesium(PreferredOrientation? orientation)
    {
        var magnesium = BuiltInStructures.Get("Mg");
        return new PowderPatternSimulator().ModelFor(magnesium, 1.5406)
            .Reflections(magnesium, 1.5406, 80, orientation: orientation)
            .ToDictionary(r => (r.H, r.K, r.L));
    }

    [Fact]
    public void A_ratio_of_one_is_a_random_powder()
    {
        Assert.All(Magnesium(new PreferredOrientation(0, 0, 1, 1.0)).Values, r => Assert.Equal(1.0, r.TextureFactor, FactorTolerance));
    }

    [Fact]
    public void Basal_texture_strengthens_00l_and_weakens_hk0()
    {
        const double ratio = 0.8;
        var textured = Magnesium(new PreferredOrientation(0, 0, 1, ratio));

        // (002) ∥ [001]*: cos²α = 1 for both members; (100) ⊥: cos²α = 0 for all six.
        Assert.Equal(Math.Pow(ratio, -3), textured[(0, 0, 2)].TextureFactor, FactorTolerance);
        Assert.Equal(Math.Pow(ratio, 1.5), textured[(1, 0, 0)].TextureFactor, FactorTolerance);
        Assert.InRange(textured[(1, 0, 1)].TextureFactor, Math.Pow(ratio, 1.5), Math.Pow(ratio, -3));
    }
}
