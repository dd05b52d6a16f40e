using System.Numerics;
using System.Runtime.CompilerServices;

namespace AutoLab.Simulators.Ring.Tracking;

/// <summary>
/// Two SIMD vectors of particles handled as one value: every operation is issued twice on independent
/// data, so the CPU overlaps the two dependency chains instead of waiting on one (kick and drift are serial).
/// </summary>
internal readonly struct Lanes
{
    public Lanes(Vector<double> a, Vector<double> b)
    {
        A = a;
        B = b;
    }

    /// <summary>Particles per <see cref="Lanes"/>.</summary>
    public static int Count => 2 * Vector<double>.Count;

    public Vector<double> A { get; }

    public Vector<double> B { get; }

    public static Lanes One => new(Vector<double>.One, Vector<double>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes Load(double[] source, int first) =>
        new(new Vector<double>(source, first), new Vector<double>(source, first + Vector<double>.Count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(double[] target, int first)
    {
        A.CopyTo(target, first);
        B.CopyTo(target, first + Vector<double>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes operator +(Lanes x, Lanes y) => new(x.A + y.A, x.B + y.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes operator -(Lanes x, Lanes y) => new(x.A - y.A, x.B - y.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes operator *(Lanes x, Lanes y) => new(x.A * y.A, x.B * y.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes operator *(double s, Lanes x) => new(s * x.A, s * x.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes operator /(Lanes x, Lanes y) => new(x.A / y.A, x.B / y.B);
}
