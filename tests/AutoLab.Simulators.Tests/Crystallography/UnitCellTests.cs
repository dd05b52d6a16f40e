using AutoLab.Simulators.Crystallography;

namespace AutoLab.Simulators.Tests.Crystallography;

/// <summary>d-spacings from the reciprocal metric tensor agree with the closed forms of each crystal system.</summary>
public sealed class UnitCellTests
{
    private const double Tolerance = 1e-10;

    [Fact]
    public void Cubic_d_spacing_is_a_over_root_of_h2_k2_l2()
    {
        var cell = UnitCell.Cubic(5.431);

        Assert.Equal(5.431 / Math.Sqrt(3), cell.DSpacing(1, 1, 1), Tolerance);
        Assert.Equal(5.431 / Math.Sqrt(8), cell.DSpacing(2, -2, 0), Tolerance);
        Assert.Equal(Math.Pow(5.431, 3), cell.Volume, 1e-9);
    }

    [Fact]
    public void Hexagonal_d_spacing_follows_four_thirds_rule()
    {
        var cell = UnitCell.Hexagonal(3.2094, 5.2108);
        double a = 3.2094, c = 5.2108;

        // 1/d² = 4/3 (h² + hk + k²)/a² + l²/c²
        var expected = 1.0 / Math.Sqrt((4.0 / 3.0 * (1 + 1 + 1) / (a * a)) + (4.0 / (c * c)));
        Assert.Equal(expected, cell.DSpacing(1, 1, 2), Tolerance);
        Assert.Equal(Math.Sqrt(3) / 2 * a * a * c, cell.Volume, 1e-9);
    }

    [Fact]
    public void Monoclinic_00l_spacing_is_c_sin_beta_over_l()
    {
        var cell = new UnitCell(5.0, 6.0, 7.0, 90, 100, 90);

        Assert.Equal(7.0 * Math.Sin(100 * Math.PI / 180) / 2.0, cell.DSpacing(0, 0, 2), Tolerance);
    }

    [Fact]
    public void Impossible_angles_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new UnitCell(1, 1, 1, 120, 120, 150));
        Assert.Throws<ArgumentException>(() => UnitCell.Cubic(-1));
    }
}
