using System.Numerics;

namespace AutoLab.Simulators.Ring.Tracking;

/// <summary>
/// Many particles in structure-of-arrays layout (one array per coordinate), so the tracker loads
/// <see cref="Vector{T}.Count"/> particles into one SIMD register per coordinate (two registers at a time).
/// </summary>
/// <remarks>Arrays are padded to a whole number of SIMD vector pairs; padding particles sit at the origin and are not counted.</remarks>
public sealed class ParticleSet
{
    /// <summary>Creates <paramref name="count"/> particles at the origin with δ = 0.</summary>
    /// <param name="count">Number of particles (at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public ParticleSet(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        int width = Lanes.Count;
        int padded = (count + width - 1) / width * width;
        X = new double[padded];
        Px = new double[padded];
        Y = new double[padded];
        Py = new double[padded];
        Delta = new double[padded];
        LostOnTurn = new int[padded];
        // Padding lanes start out lost, so the tracker neither tracks nor counts them.
        Array.Fill(LostOnTurn, -1, count, padded - count);
    }

    /// <summary>Number of particles (without padding).</summary>
    public int Count { get; }

    /// <summary>Horizontal positions (m).</summary>
    public double[] X { get; }

    /// <summary>Horizontal momenta px = Px/P0 (rad).</summary>
    public double[] Px { get; }

    /// <summary>Vertical positions (m).</summary>
    public double[] Y { get; }

    /// <summary>Vertical momenta py = Py/P0 (rad).</summary>
    public double[] Py { get; }

    /// <summary>Relative momentum deviations δ = (P − P0)/P0, constant during 4-D tracking.</summary>
    public double[] Delta { get; }

    /// <summary>Turn (1-based) on which each particle was lost, or 0 when it survived (−1 marks padding); a lost particle's coordinates are set to 0.</summary>
    public int[] LostOnTurn { get; }

    /// <summary>Sets one particle.</summary>
    /// <param name="index">Particle index.</param>
    /// <param name="x">Horizontal position (m).</param>
    /// <param name="px">Horizontal momentum (rad).</param>
    /// <param name="y">Vertical position (m).</param>
    /// <param name="py">Vertical momentum (rad).</param>
    /// <param name="delta">Momentum deviation.</param>
    public void Set(int index, double x, double px, double y, double py, double delta)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        X[index] = x;
        Px[index] = px;
        Y[index] = y;
        Py[index] = py;
        Delta[index] = delta;
        LostOnTurn[index] = 0;
    }
}
