using AutoLab.Simulators.Ring.Aperture;
using AutoLab.Simulators.Ring.Lattices;
using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Tests.Ring;

/// <summary>
/// The dynamic aperture of a linear ring is the physical aperture, ray by ray, to the scan's resolution;
/// sextupoles shrink it; the scan is deterministic whatever the thread count.
/// </summary>
public sealed class DynamicApertureTests
{
    private static readonly DynamicApertureSettings Fast = new() { Angles = 9, Turns = 64 };

    [Fact]
    public void Linear_ring_is_limited_only_by_the_physical_aperture()
    {
        Lattice linear = BuiltinLattices.Dba().WithSextupoleStrengths(new Dictionary<string, double> { ["SF"] = 0, ["SD"] = 0, ["SH1"] = 0, ["SH2"] = 0 });
        var aperture = new PhysicalAperture(0.02, 0.01);
        var tracker = new RingTracker(linear, aperture);

        DynamicApertureResult da = DynamicAperture.Compute(tracker, Fast);

        for (int i = 0; i < da.Angles.Count; i++)
        {
            double theta = da.Angles[i];
            double c = Math.Abs(Math.Cos(theta));
            double s = Math.Sin(theta);
            double box = Math.Min(c < 1e-12 ? double.PositiveInfinity : aperture.HalfWidth / c, s < 1e-12 ? double.PositiveInfinity : (aperture.HalfHeight - Fast.VerticalOffset) / s);
            // Every probe survives, so the scan reports its last probe, just inside the edge.
            Assert.True(Math.Abs(da.Radii[i] - box) < 1e-6, $"θ = {theta}: r = {da.Radii[i]}, box edge {box}");
        }
    }

    [Fact]
    public void Strong_sextupoles_shrink_the_aperture_below_the_chamber()
    {
        Lattice strong = BuiltinLattices.Dba().WithSextupoleStrength("SH1", 400.0).WithSextupoleStrength("SH2", -400.0);
        var tracker = new RingTracker(strong, new PhysicalAperture(0.05, 0.05));

        DynamicApertureResult da = DynamicAperture.Compute(tracker, Fast);

        Assert.True(da.Radii[0] < 0.045, $"horizontal DA {da.Radii[0]} m");
        Assert.True(da.Area > 0.0);
    }

    [Fact]
    public void Scan_gives_the_same_radii_on_one_thread_and_on_all()
    {
        Lattice dba = BuiltinLattices.Dba();

        DynamicApertureResult one = DynamicAperture.Compute(new RingTracker(dba, maxDegreeOfParallelism: 1), Fast);
        DynamicApertureResult all = DynamicAperture.Compute(new RingTracker(dba), Fast);

        Assert.Equal(one.Radii, all.Radii);
    }

    [Fact]
    public void Polygon_area_of_a_half_disc_approaches_half_pi_r_squared()
    {
        const int Rays = 181;
        double[] angles = [.. Enumerable.Range(0, Rays).Select(i => Math.PI * i / (Rays - 1))];
        double[] radii = [.. angles.Select(_ => 2.0)];

        double area = DynamicAperture.PolygonArea(angles, radii);

        // The inscribed polygon falls short of the half disc by ~ r²·π·Δθ²/12.
        Assert.True(Math.Abs(area - (Math.PI * 2.0)) < 1e-3, $"area {area}");
    }

    [Fact]
    public void Touschek_proxy_is_the_harmonic_mean_of_the_squared_acceptances()
    {
        var acceptance = new MomentumApertureResult(0.03, -0.02, 512, 0);

        Assert.Equal(2.0 / ((1.0 / 0.0009) + (1.0 / 0.0004)), acceptance.TouschekProxy, 15);
        Assert.Equal(0.0, new MomentumApertureResult(0.0, -0.02, 512, 0).TouschekProxy);
    }

    [Fact]
    public void Momentum_acceptance_of_the_builtin_ring_lies_inside_the_scan_range()
    {
        var tracker = new RingTracker(BuiltinLattices.Dba());

        MomentumApertureResult acceptance = MomentumAperture.Compute(tracker, 0.05, 64);

        Assert.InRange(acceptance.Positive, 0.005, 0.05);
        Assert.InRange(acceptance.Negative, -0.05, -0.005);
    }
}
