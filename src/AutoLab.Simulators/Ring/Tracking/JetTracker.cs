namespace AutoLab.Simulators.Ring.Tracking;

/// <summary>
/// Scalar tracking of one particle with its tangent map: the same kick–drift integrator as
/// <see cref="VectorTracker"/>, applied to <see cref="Jet"/>s. Used for closed orbits and linear optics.
/// </summary>
internal static class JetTracker
{
    public static void Track(ReadOnlySpan<TrackingElement> elements, ref JetState s)
    {
        foreach (ref readonly TrackingElement e in elements)
        {
            TrackElement(in e, ref s);
        }
    }

    public static void TrackElement(in TrackingElement e, ref JetState s)
    {
        switch (e.Kind)
        {
            case Lattices.ElementKind.Drift:
                Drift(ref s, e.Length);
                return;
            case Lattices.ElementKind.ThinMultipole:
                Kick(in e, ref s, 1.0);
                return;
            case Lattices.ElementKind.Dipole:
                Edge(ref s, e.EntranceEdge);
                Integrate(in e, ref s);
                Edge(ref s, e.ExitEdge);
                return;
            default:
                Integrate(in e, ref s);
                return;
        }
    }

    private static void Integrate(in TrackingElement e, ref JetState s)
    {
        double h = e.StepLength;
        double c1 = Yoshida.C1 * h;
        double c2 = Yoshida.C2 * h;
        double d1 = Yoshida.D1 * h;
        double d2 = Yoshida.D2 * h;
        // The closing c1 drift of one step and the opening c1 drift of the next are one drift of 2·c1.
        Drift(ref s, c1);
        for (int step = 1; step <= e.Steps; step++)
        {
            Kick(in e, ref s, d1);
            Drift(ref s, c2);
            Kick(in e, ref s, d2);
            Drift(ref s, c2);
            Kick(in e, ref s, d1);
            Drift(ref s, step == e.Steps ? c1 : 2.0 * c1);
        }
    }

    private static void Drift(ref JetState s, double length)
    {
        s.X += length * (s.Px * s.InverseMomentum);
        s.Y += length * (s.Py * s.InverseMomentum);
    }

    private static void Edge(ref JetState s, double strength)
    {
        if (strength != 0.0)
        {
            s.Px += strength * s.X;
            s.Py -= strength * s.Y;
        }
    }

    /// <summary>The multipole kick of weight <paramref name="w"/> (m, or 1 for a thin element): Δpx − iΔpy = −w Σ Kₙ (x+iy)ⁿ/n!.</summary>
    private static void Kick(in TrackingElement e, ref JetState s, double w)
    {
        Jet x = s.X;
        Jet y = s.Y;
        double h = e.Curvature;
        if (h != 0.0)
        {
            // Sector-bend body (Hamiltonian expanded to second order): Δpx = w(hδ − h²x), the weak focusing and the dispersion source.
            s.Px += w * ((h * s.Delta) - ((h * h) * x));
        }

        if (e.K1 != 0.0)
        {
            s.Px -= (w * e.K1) * x;
            s.Py += (w * e.K1) * y;
        }

        if (e.K2 != 0.0)
        {
            double k = w * e.K2;
            s.Px -= (0.5 * k) * ((x * x) - (y * y));
            s.Py += k * (x * y);
        }

        if (e.K3 != 0.0)
        {
            double k = w * e.K3 / 6.0;
            Jet x2 = x * x;
            Jet y2 = y * y;
            s.Px -= k * (x * (x2 - (3.0 * y2)));
            s.Py += k * (y * ((3.0 * x2) - y2));
        }
    }
}
