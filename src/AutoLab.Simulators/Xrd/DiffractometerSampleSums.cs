namespace AutoLab.Simulators.Xrd;

/// <summary>
/// One sample's sums as <see cref="DiffractometerAccumulator"/> keeps them: per grid point the summed counts and
/// counting time, the number of scans, their total time and the ids of the scans added. Never changed in place:
/// an added scan makes a new instance, which is written to disk before it replaces the old one.
/// </summary>
internal sealed class DiffractometerSampleSums
{
    public DiffractometerSampleSums(string key, ScanRange grid, string? stateFile)
        : this(key, grid, stateFile, new double[grid.Points], new double[grid.Points], 0, 0.0, [])
    {
    }

    public DiffractometerSampleSums(
        string key, ScanRange grid, string? stateFile, double[] counts, double[] exposure, int scans, double seconds, IReadOnlyCollection<DiffractometerScanId> added)
    {
        Key = key;
        Grid = grid;
        StateFile = stateFile;
        Counts = counts;
        Exposure = exposure;
        Scans = scans;
        Seconds = seconds;
        Added = new HashSet<DiffractometerScanId>(added);
    }

    /// <summary>The caller's sample key (campaign and slot).</summary>
    public string Key { get; }

    /// <summary>The instrument's full scan: the grid the sums are on.</summary>
    public ScanRange Grid { get; }

    /// <summary>Where the sums are kept on disk, or null in memory only.</summary>
    public string? StateFile { get; }

    /// <summary>Summed counts per grid point.</summary>
    public double[] Counts { get; }

    /// <summary>Summed counting time per grid point (s).</summary>
    public double[] Exposure { get; }

    /// <summary>Scans added.</summary>
    public int Scans { get; }

    /// <summary>Σ points × count time over the scans added (s).</summary>
    public double Seconds { get; }

    /// <summary>Ids of the scans added with one; scans added without an id are counted but not listed.</summary>
    public IReadOnlySet<DiffractometerScanId> Added { get; }

    /// <summary>These sums with <paramref name="scan"/> added at grid points <paramref name="indices"/>.</summary>
    public DiffractometerSampleSums With(PowderPattern scan, int[] indices, DiffractometerScanId? id)
    {
        double[] counts = (double[])Counts.Clone();
        double[] exposure = (double[])Exposure.Clone();
        for (int i = 0; i < indices.Length; i++)
        {
            counts[indices[i]] += scan.Counts[i];
            exposure[indices[i]] += scan.CountTime;
        }

        List<DiffractometerScanId> added = [.. Added];
        if (id is not null)
        {
            added.Add(id);
        }

        return new DiffractometerSampleSums(Key, Grid, StateFile, counts, exposure, Scans + 1, Seconds + (scan.TwoTheta.Count * scan.CountTime), added);
    }

    /// <summary>The merged pattern: summed counts / summed time at every point measured at least once.</summary>
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
