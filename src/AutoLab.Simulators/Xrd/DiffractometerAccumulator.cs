using System.Collections.Concurrent;

namespace AutoLab.Simulators.Xrd;

/// <summary>
/// Adds up the scans of each sample the way diffractometer control software does: per grid point, the counts
/// and the counting time of every scan are summed, and the merged pattern is counts / time.
/// </summary>
/// <remarks>
/// <para>Summing before dividing is the maximum-likelihood rate for Poisson counts from several exposures: a
/// window counted 8× longer keeps the fast scan's intensity scale (counts per second) and only its noise falls.
/// It is the rule of <c>AdaptiveXrdMeasurement</c> in the analysis, kept here because the instrument does the
/// adding (Simulators do not reference Analysis): the analysis then stays stateless, and competing analysis
/// workers see the same merged pattern whichever of them gets the next scan.</para>
/// <para>One accumulator is shared by every device made from the same <see cref="DiffractometerOptions"/>, so
/// a lease pool of several devices adds to the same sums. Samples are keyed by the caller (campaign and slot).
/// The sums live in memory: a process restart (<c>autolab resume</c>) starts them again.</para>
/// </remarks>
public sealed class DiffractometerAccumulator
{
    private readonly ConcurrentDictionary<string, Sums> _samples = new(StringComparer.Ordinal);

    /// <summary>Number of samples with at least one scan.</summary>
    public int Samples => _samples.Count;

    /// <summary>Adds a scan of sample <paramref name="key"/> and returns the merged pattern.</summary>
    /// <param name="key">The sample, e.g. campaign id and slot.</param>
    /// <param name="grid">The instrument's full scan: its start and step define the grid; its points, the grid's size.</param>
    /// <param name="scan">The measured scan, counting <see cref="PowderPattern.CountTime"/> seconds per point.</param>
    /// <returns>Every scan of the sample so far, merged.</returns>
    /// <exception cref="ArgumentException">A scan point lies off the grid (more than a quarter step from a grid point), or the grid changed between scans.</exception>
    public DiffractometerMergedPattern Add(string key, ScanRange grid, PowderPattern scan)
    {
        Sums sums = _samples.GetOrAdd(key, _ => new Sums(grid));
        lock (sums)
        {
            if (sums.Grid.Start != grid.Start || sums.Grid.Step != grid.Step || sums.Grid.Points != grid.Points)
            {
                throw new ArgumentException($"sample '{key}' was scanned on the grid {sums.Grid.Start}° step {sums.Grid.Step}° before; a scan on {grid.Start}° step {grid.Step}° cannot be added to it", nameof(grid));
            }

            int[] indices = new int[scan.TwoTheta.Count];
            for (int i = 0; i < indices.Length; i++)
            {
                double position = (scan.TwoTheta[i] - grid.Start) / grid.Step;
                int index = (int)Math.Round(position);
                // A quarter step: the instrument scans on its grid, so a larger offset is a scan from elsewhere.
                if (index < 0 || index >= grid.Points || Math.Abs(position - index) > 0.25)
                {
                    throw new ArgumentException($"scan point {i} at 2θ = {scan.TwoTheta[i]}° is not on the grid {grid.Start}° + k × {grid.Step}°, k < {grid.Points}", nameof(scan));
                }

                indices[i] = index;
            }

            for (int i = 0; i < indices.Length; i++)
            {
                sums.Counts[indices[i]] += scan.Counts[i];
                sums.Exposure[indices[i]] += scan.CountTime;
            }

            sums.Scans++;
            sums.Seconds += scan.TwoTheta.Count * scan.CountTime;
            return sums.Merged();
        }
    }

    /// <summary>Forgets every sample.</summary>
    public void Clear() => _samples.Clear();

    private sealed class Sums(ScanRange grid)
    {
        public ScanRange Grid { get; } = grid;

        public double[] Counts { get; } = new double[grid.Points];

        public double[] Exposure { get; } = new double[grid.Points];

        public int Scans { get; set; }

        public double Seconds { get; set; }

        public DiffractometerMergedPattern Merged()
        {
            List<double> twoTheta = [];
            List<double> rate = [];
            List<double> exposure = [];
            for (int i = 0; i < Grid.Points; i++)
            {
                if (Exposure[i] > 0)
                {
                    twoTheta.Add(Grid.At(i));
                    rate.Add(Counts[i] / Exposure[i]);
                    exposure.Add(Exposure[i]);
                }
            }

            return new DiffractometerMergedPattern(twoTheta, rate, exposure, Scans, Seconds);
        }
    }
}
