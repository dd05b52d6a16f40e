using AutoLab.Simulators.Ring.Lattices;
using AutoLab.Simulators.Ring.Optics;
using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Tests.Ring;

/// <summary>The SIMD tracker agrees with the scalar reference, loses particles at the aperture, and repeats itself exactly.</summary>
public sealed class TrackerTests
{
    /// <summary>Both run the same operations in the same order; only the SIMD lanes differ.</summary>
    private const double Agreement = 1e-15;

    [Fact]
    public void Simd_tracking_matches_the_scalar_reference_turn_by_turn()
    {
        var tracker = new RingTracker(SymplecticityTests.Build("dba-rectangular-bends-with-octupoles"), new PhysicalAperture(1.0, 1.0));
        // Seven particles: not a multiple of the vector width, so padding is exercised too.
        double[][] starts = [.. Enumerable.Range(0, 7).Select(i => new[] { 1e-3 * i, 1e-5 * i, 5e-4 * (7 - i), -2e-5, 0.003 * (i - 3) })];
        var particles = new ParticleSet(starts.Length);
        for (int i = 0; i < starts.Length; i++)
        {
            particles.Set(i, starts[i][0], starts[i][1], starts[i][2], starts[i][3], starts[i][4]);
        }

        const int Turns = 20;
        tracker.Track(particles, Turns);

        for (int i = 0; i < starts.Length; i++)
        {
            double[] z = starts[i];
            for (int turn = 0; turn < Turns; turn++)
            {
                z = OneTurnMap.Apply(tracker, z);
            }

            Assert.Equal(0, particles.LostOnTurn[i]);
            Assert.True(Math.Abs(particles.X[i] - z[0]) < Agreement && Math.Abs(particles.Px[i] - z[1]) < Agreement, $"particle {i}: x {particles.X[i]} vs {z[0]}");
            Assert.True(Math.Abs(particles.Y[i] - z[2]) < Agreement && Math.Abs(particles.Py[i] - z[3]) < Agreement, $"particle {i}: y {particles.Y[i]} vs {z[2]}");
        }
    }

    [Fact]
    public void Particles_outside_the_aperture_or_not_finite_are_lost_on_the_first_turn()
    {
        var tracker = new RingTracker(BuiltinLattices.Dba(), new PhysicalAperture(0.01, 0.01));
        var particles = new ParticleSet(3);
        particles.Set(0, 0.001, 0, 0.001, 0, 0);
        particles.Set(1, 0.0, 0, 0.011, 0, 0);
        particles.Set(2, double.NaN, 0, 0, 0, 0);

        long passes = tracker.Track(particles, 10);

        Assert.Equal([0, 1, 1], particles.LostOnTurn[..3]);
        Assert.Equal(10L * tracker.ElementsPerTurn, passes);
        Assert.Equal(0.0, particles.Y[1]);
    }

    [Fact]
    public void Same_start_gives_bit_identical_coordinates()
    {
        var tracker = new RingTracker(BuiltinLattices.Dba());
        double[] Run()
        {
            var particles = new ParticleSet(16);
            for (int i = 0; i < 16; i++)
            {
                particles.Set(i, 1e-3 * i, 0, 1e-4 * i, 0, 1e-3);
            }

            tracker.Track(particles, 50);
            return [.. particles.X, .. particles.Py];
        }

        Assert.Equal(Run(), Run());
    }
}
