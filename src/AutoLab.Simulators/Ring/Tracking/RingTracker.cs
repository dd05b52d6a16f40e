using AutoLab.Simulators.Ring.Lattices;

namespace AutoLab.Simulators.Ring.Tracking;

/// <summary>
/// Symplectic 4-D tracking (x, px, y, py at fixed δ) of many particles at once: SIMD over particles,
/// <see cref="Parallel"/> over SIMD vectors, a 4th-order Forest–Ruth/Yoshida integrator in thick magnets.
/// </summary>
/// <remarks>
/// A particle is lost when |x| or |y| exceeds the <see cref="PhysicalAperture"/> at the end of a turn, or
/// when a coordinate is no longer finite. <seealso cref="ParticleSet"/> holds the particles.
/// </remarks>
public sealed class RingTracker
{
    private readonly TrackingElement[] _elements;

    /// <summary>Creates a tracker for a lattice.</summary>
    /// <param name="lattice">The ring.</param>
    /// <param name="aperture">The physical aperture; <see cref="PhysicalAperture.Default"/> when null.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; all cores when null.</param>
    /// <exception cref="ArgumentException">The aperture is invalid.</exception>
    public RingTracker(Lattice lattice, PhysicalAperture? aperture = null, int? maxDegreeOfParallelism = null)
    {
        Lattice = lattice;
        Aperture = aperture ?? PhysicalAperture.Default;
        Aperture.Validate();
        MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegreeOfParallelism, 1, nameof(maxDegreeOfParallelism));
        _elements = TrackingElement.Compile(lattice);
    }

    /// <summary>The lattice tracked through.</summary>
    public Lattice Lattice { get; }

    /// <summary>The physical aperture.</summary>
    public PhysicalAperture Aperture { get; }

    /// <summary>Threads used.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Elements a particle passes per turn (markers and zero-length drifts are dropped).</summary>
    public int ElementsPerTurn => _elements.Length;

    /// <summary>Tracks every particle for up to <paramref name="turns"/> turns, in place.</summary>
    /// <param name="particles">Particles; coordinates are updated and <see cref="ParticleSet.LostOnTurn"/> filled. Particles already marked lost are skipped.</param>
    /// <param name="turns">Turns (at least 1).</param>
    /// <returns>Element passes done: surviving particle-turns times <see cref="ElementsPerTurn"/>.</returns>
    public long Track(ParticleSet particles, int turns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(turns, 1);
        int width = Lanes.Count;
        int vectors = particles.X.Length / width;
        long survived = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism };
        Parallel.For(0, vectors, options, () => 0L,
            (v, _, sum) => sum + VectorTracker.Track(_elements, particles, v * width, turns, Aperture.HalfWidth, Aperture.HalfHeight),
            sum => Interlocked.Add(ref survived, sum));
        return survived * _elements.Length;
    }

    /// <summary>Tracks one particle for one turn with its exact tangent map, for optics.</summary>
    internal JetState TrackOneTurn(ReadOnlySpan<double> start)
    {
        JetState state = JetState.Start(start);
        JetTracker.Track(_elements, ref state);
        return state;
    }

    /// <summary>The compiled elements, for optics that walk the ring element by element.</summary>
    internal ReadOnlySpan<TrackingElement> Elements => _elements;
}
