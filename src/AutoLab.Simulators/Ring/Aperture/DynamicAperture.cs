using AutoLab.Simulators.Ring.Optics;
using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Ring.Aperture;

/// <summary>
/// Dynamic aperture by a radial scan: along rays at angles θ in the (x, y) plane from the closed orbit,
/// the first amplitude lost within N turns (lost: beyond the physical aperture or not finite), found by
/// parallel k-section. <seealso cref="MomentumAperture"/>.
/// </summary>
public static class DynamicAperture
{
    /// <summary>Scans the dynamic aperture at momentum deviation <paramref name="delta"/>.</summary>
    /// <param name="tracker">The ring and its physical aperture.</param>
    /// <param name="settings">Scan settings; defaults when null.</param>
    /// <param name="delta">Momentum deviation δ; particles start around the off-momentum closed orbit.</param>
    /// <returns>Radii per ray and the area; zero everywhere when there is no closed orbit at δ.</returns>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public static DynamicApertureResult Compute(RingTracker tracker, DynamicApertureSettings? settings = null, double delta = 0.0)
    {
        settings ??= new DynamicApertureSettings();
        settings.Validate();
        double[] angles = [.. Enumerable.Range(0, settings.Angles).Select(i => Math.PI * i / (settings.Angles - 1))];
        double[]? orbit = ClosedOrbit.Find(tracker, delta);
        if (orbit is null || !double.IsFinite(orbit[0]))
        {
            return new DynamicApertureResult { Delta = delta, Turns = settings.Turns, Angles = angles, Radii = new double[angles.Length], Area = 0.0, ElementPasses = 0 };
        }

        PhysicalAperture box = tracker.Aperture;
        double y0 = orbit[2] + settings.VerticalOffset;
        double[] limits = [.. angles.Select(theta => DistanceToBox(orbit[0], y0, Math.Cos(theta), Math.Sin(theta), box))];
        void Place(ParticleSet p, int index, int ray, double r) =>
            p.Set(index, orbit[0] + (r * Math.Cos(angles[ray])), orbit[1], y0 + (r * Math.Sin(angles[ray])), orbit[3], delta);

        (double[] radii, long passes) = BoundarySearch.Run(tracker, limits, Place, settings.Turns, settings.ProbesPerRound, settings.Rounds);
        return new DynamicApertureResult
        {
            Delta = delta,
            Turns = settings.Turns,
            Angles = angles,
            Radii = radii,
            Area = PolygonArea(angles, radii),
            ElementPasses = passes,
        };
    }

    /// <summary>Σ ½ rᵢ rᵢ₊₁ sin(θᵢ₊₁ − θᵢ): the fan of triangles from the closed orbit.</summary>
    /// <param name="angles">Ray angles (rad), increasing.</param>
    /// <param name="radii">Radii (m).</param>
    /// <returns>Area (m²).</returns>
    public static double PolygonArea(IReadOnlyList<double> angles, IReadOnlyList<double> radii)
    {
        double area = 0.0;
        for (int i = 0; i + 1 < angles.Count; i++)
        {
            area += 0.5 * radii[i] * radii[i + 1] * Math.Sin(angles[i + 1] - angles[i]);
        }

        return area;
    }

    /// <summary>How far a ray from (x0, y0) in direction (cx, cy) runs inside the aperture box (m), slightly shortened so a start never sits exactly on the edge.</summary>
    private static double DistanceToBox(double x0, double y0, double cx, double cy, PhysicalAperture box)
    {
        double tx = Math.Abs(cx) < 1e-12 ? double.PositiveInfinity : ((Math.Sign(cx) * box.HalfWidth) - x0) / cx;
        double ty = Math.Abs(cy) < 1e-12 ? double.PositiveInfinity : ((Math.Sign(cy) * box.HalfHeight) - y0) / cy;
        return Math.Max(0.0, Math.Min(tx, ty) * (1.0 - 1e-9));
    }
}
