using AutoLab.Simulators.Ring.Tracking;

namespace AutoLab.Simulators.Ring.Aperture;

/// <summary>
/// Finds, along many rays at once, the first amplitude at which a particle is lost within N turns: a
/// parallel k-section (k probes per ray per round; k = 1 is bisection) so every round is one SIMD-wide
/// tracking run over all rays.
/// </summary>
internal static class BoundarySearch
{
    /// <summary>Places particle <c>index</c> on ray <c>ray</c> at amplitude <c>amplitude</c>.</summary>
    public delegate void Placer(ParticleSet particles, int index, int ray, double amplitude);

    /// <summary>Returns, per ray, the largest amplitude known to survive below the first loss (the maximum when nothing is lost), and the element passes spent.</summary>
    public static (double[] Boundary, long ElementPasses) Run(RingTracker tracker, IReadOnlyList<double> maxAmplitude, Placer place, int turns, int probes, int rounds)
    {
        int rays = maxAmplitude.Count;
        var lo = new double[rays];
        double[] hi = [.. maxAmplitude];
        long passes = 0;
        for (int round = 0; round < rounds; round++)
        {
            int[] active = [.. Enumerable.Range(0, rays).Where(r => hi[r] > lo[r])];
            if (active.Length == 0)
            {
                break;
            }

            var amplitudes = new double[active.Length, probes];
            var particles = new ParticleSet(active.Length * probes);
            for (int j = 0; j < probes; j++)
            {
                for (int a = 0; a < active.Length; a++)
                {
                    int r = active[a];
                    // The first round spreads probes up to the maximum itself; later rounds fill the open interval (lo, hi).
                    double amplitude = round == 0
                        ? hi[r] * (j + 1) / probes
                        : lo[r] + ((hi[r] - lo[r]) * (j + 1) / (probes + 1));
                    amplitudes[a, j] = amplitude;
                    // Probe-major order: neighbouring SIMD lanes hold similar amplitudes, so they tend to be lost together.
                    place(particles, (j * active.Length) + a, r, amplitude);
                }
            }

            passes += tracker.Track(particles, turns);
            for (int a = 0; a < active.Length; a++)
            {
                int r = active[a];
                int firstLost = -1;
                for (int j = 0; j < probes && firstLost < 0; j++)
                {
                    if (particles.LostOnTurn[(j * active.Length) + a] != 0)
                    {
                        firstLost = j;
                    }
                }

                if (firstLost < 0)
                {
                    lo[r] = amplitudes[a, probes - 1];
                    if (round == 0)
                    {
                        hi[r] = lo[r];
                    }
                }
                else
                {
                    hi[r] = amplitudes[a, firstLost];
                    if (firstLost > 0)
                    {
                        lo[r] = amplitudes[a, firstLost - 1];
                    }
                }
            }
        }

        return (lo, passes);
    }
}
