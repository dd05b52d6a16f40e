using System.Numerics;
using System.Runtime.CompilerServices;
using AutoLab.Simulators.Ring.Lattices;

namespace AutoLab.Simulators.Ring.Tracking;

/// <summary>
/// The SIMD hot loop: two <see cref="Vector{T}"/>s of particles (<see cref="Lanes"/>) are held in registers and carried through
/// every element of every turn, so memory is touched only at the start and the end.
/// </summary>
/// <remarks>The arithmetic matches <see cref="JetTracker"/> operation for operation (tests compare them).</remarks>
internal static class VectorTracker
{
    /// <summary>Tracks the <see cref="Lanes.Count"/> particles starting at <paramref name="first"/>; returns particle-turns survived.</summary>
    public static long Track(TrackingElement[] elements, ParticleSet p, int first, int turns, double apertureX, double apertureY)
    {
        int width = Vector<double>.Count;
        var x = Lanes.Load(p.X, first);
        var px = Lanes.Load(p.Px, first);
        var y = Lanes.Load(p.Y, first);
        var py = Lanes.Load(p.Py, first);
        var delta = Lanes.Load(p.Delta, first);
        Lanes inverse = Lanes.One / (Lanes.One + delta);
        Vector<long> aliveA = Alive(p.LostOnTurn, first);
        Vector<long> aliveB = Alive(p.LostOnTurn, first + width);
        long survivedTurns = 0;
        for (int turn = 1; turn <= turns && (aliveA | aliveB) != Vector<long>.Zero; turn++)
        {
            for (int i = 0; i < elements.Length; i++)
            {
                TrackElement(in elements[i], ref x, ref px, ref y, ref py, delta, inverse);
            }

            Vector<long> insideA = Inside(x.A, px.A, y.A, py.A, apertureX, apertureY);
            Vector<long> insideB = Inside(x.B, px.B, y.B, py.B, apertureX, apertureY);
            if (((aliveA & ~insideA) | (aliveB & ~insideB)) != Vector<long>.Zero)
            {
                Record(p.LostOnTurn, first, aliveA & ~insideA, turn);
                Record(p.LostOnTurn, first + width, aliveB & ~insideB, turn);
                aliveA &= insideA;
                aliveB &= insideB;
                // Park lost particles at the origin so they stay finite (NaN and denormals slow the vector units).
                x = Park(x, aliveA, aliveB);
                px = Park(px, aliveA, aliveB);
                y = Park(y, aliveA, aliveB);
                py = Park(py, aliveA, aliveB);
            }

            survivedTurns -= Vector.Sum(aliveA) + Vector.Sum(aliveB); // a set lane is −1
        }

        x.Store(p.X, first);
        px.Store(p.Px, first);
        y.Store(p.Y, first);
        py.Store(p.Py, first);
        return survivedTurns;
    }

    private static Vector<long> Alive(int[] lostOnTurn, int first)
    {
        Vector<long> alive = Vector<long>.AllBitsSet;
        for (int lane = 0; lane < Vector<double>.Count; lane++)
        {
            if (lostOnTurn[first + lane] != 0)
            {
                alive = alive.WithElement(lane, 0L);
            }
        }

        return alive;
    }

    /// <summary>All-ones where |x|, |y| are inside the aperture and |px|, |py| ≤ 1 rad (beyond that the paraxial model is meaningless); NaN compares false.</summary>
    private static Vector<long> Inside(Vector<double> x, Vector<double> px, Vector<double> y, Vector<double> py, double apertureX, double apertureY) =>
        Vector.AsVectorInt64(
            Vector.LessThanOrEqual(Vector.Abs(x), new Vector<double>(apertureX)) & Vector.LessThanOrEqual(Vector.Abs(y), new Vector<double>(apertureY))
            & Vector.LessThanOrEqual(Vector.Abs(px), Vector<double>.One) & Vector.LessThanOrEqual(Vector.Abs(py), Vector<double>.One));

    private static void Record(int[] lostOnTurn, int first, Vector<long> lostNow, int turn)
    {
        for (int lane = 0; lane < Vector<double>.Count; lane++)
        {
            if (lostNow[lane] != 0)
            {
                lostOnTurn[first + lane] = turn;
            }
        }
    }

    private static Lanes Park(Lanes value, Vector<long> aliveA, Vector<long> aliveB) => new(
        Vector.ConditionalSelect(Vector.AsVectorDouble(aliveA), value.A, Vector<double>.Zero),
        Vector.ConditionalSelect(Vector.AsVectorDouble(aliveB), value.B, Vector<double>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TrackElement(in TrackingElement e, ref Lanes x, ref Lanes px, ref Lanes y, ref Lanes py, Lanes delta, Lanes inverse)
    {
        switch (e.Kind)
        {
            case ElementKind.Drift:
                Drift(ref x, ref y, px, py, inverse, e.Length);
                return;
            case ElementKind.ThinMultipole:
                Kick(in e, x, y, ref px, ref py, delta, 1.0);
                return;
            case ElementKind.Dipole:
                Edge(x, y, ref px, ref py, e.EntranceEdge);
                Integrate(in e, ref x, ref px, ref y, ref py, delta, inverse);
                Edge(x, y, ref px, ref py, e.ExitEdge);
                return;
            default:
                Integrate(in e, ref x, ref px, ref y, ref py, delta, inverse);
                return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Integrate(in TrackingElement e, ref Lanes x, ref Lanes px, ref Lanes y, ref Lanes py, Lanes delta, Lanes inverse)
    {
        double h = e.StepLength;
        double c1 = Yoshida.C1 * h;
        double c2 = Yoshida.C2 * h;
        double d1 = Yoshida.D1 * h;
        double d2 = Yoshida.D2 * h;
        // The closing c1 drift of one step and the opening c1 drift of the next are one drift of 2·c1.
        Drift(ref x, ref y, px, py, inverse, c1);
        for (int step = 1; step <= e.Steps; step++)
        {
            Kick(in e, x, y, ref px, ref py, delta, d1);
            Drift(ref x, ref y, px, py, inverse, c2);
            Kick(in e, x, y, ref px, ref py, delta, d2);
            Drift(ref x, ref y, px, py, inverse, c2);
            Kick(in e, x, y, ref px, ref py, delta, d1);
            Drift(ref x, ref y, px, py, inverse, step == e.Steps ? c1 : 2.0 * c1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Drift(ref Lanes x, ref Lanes y, Lanes px, Lanes py, Lanes inverse, double length)
    {
        x += length * (px * inverse);
        y += length * (py * inverse);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Edge(Lanes x, Lanes y, ref Lanes px, ref Lanes py, double strength)
    {
        if (strength != 0.0)
        {
            px += strength * x;
            py -= strength * y;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kick(in TrackingElement e, Lanes x, Lanes y, ref Lanes px, ref Lanes py, Lanes delta, double w)
    {
        double h = e.Curvature;
        if (h != 0.0)
        {
            px += w * ((h * delta) - ((h * h) * x));
        }

        if (e.K1 != 0.0)
        {
            px -= (w * e.K1) * x;
            py += (w * e.K1) * y;
        }

        if (e.K2 != 0.0)
        {
            double k = w * e.K2;
            px -= (0.5 * k) * ((x * x) - (y * y));
            py += k * (x * y);
        }

        if (e.K3 != 0.0)
        {
            double k = w * e.K3 / 6.0;
            Lanes x2 = x * x;
            Lanes y2 = y * y;
            px -= k * (x * (x2 - (3.0 * y2)));
            py += k * (y * ((3.0 * x2) - y2));
        }
    }
}
