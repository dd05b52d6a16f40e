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
/// a lease pool of several devices adds to the same sums. Samples are keyed by the caller (campaign and slot).</para>
/// <para>Like control software, which keeps its data on disk, the sums of a sample given a state file (the
/// instrument gives one inside the run folder, <see cref="DiffractometerSumsLocation"/>) are written there after
/// each added scan, before the merged pattern is returned, and read back on the first use of that sample by a new
/// process: <c>autolab resume</c> continues them. Without a state file the sums live in memory only (unit tests,
/// benchmarks). A scan added with a <see cref="DiffractometerScanId"/> is added once: the same id again (a command
/// re-sent after a crash) returns the merged pattern without adding it twice; the ids are kept with the sums.</para>
/// </remarks>
public sealed class DiffractometerAccumulator
{
    // One lock for every sample: an add is one scan and one small file write, rare next to the scan itself.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DiffractometerSampleSums> _samples = new(StringComparer.Ordinal);

    /// <summary>Number of samples with at least one scan (or loaded from disk) in this process.</summary>
    public int Samples
    {
        get
        {
            lock (_gate)
            {
                return _samples.Count;
            }
        }
    }

    /// <summary>Adds a scan of sample <paramref name="key"/>, in memory only, and returns the merged pattern.</summary>
    /// <param name="key">The sample, e.g. campaign id and slot.</param>
    /// <param name="grid">The instrument's full scan: its start and step define the grid; its points, the grid's size.</param>
    /// <param name="scan">The measured scan, counting <see cref="PowderPattern.CountTime"/> seconds per point.</param>
    /// <returns>Every scan of the sample so far, merged.</returns>
    /// <exception cref="ArgumentException">A scan point lies off the grid (more than a quarter step from a grid point), or the grid changed between scans.</exception>
    public DiffractometerMergedPattern Add(string key, ScanRange grid, PowderPattern scan) => Add(key, grid, scan, null, null);

    /// <summary>
    /// Adds a scan of sample <paramref name="key"/> unless a scan with the same <paramref name="id"/> was added before,
    /// and returns the merged pattern; with a <paramref name="stateFile"/>, the sums are read from it on first use and
    /// written to it (atomically) before this returns.
    /// </summary>
    /// <param name="key">The sample, e.g. campaign id and slot.</param>
    /// <param name="grid">The instrument's full scan: its start and step define the grid; its points, the grid's size.</param>
    /// <param name="scan">The measured scan, counting <see cref="PowderPattern.CountTime"/> seconds per point.</param>
    /// <param name="id">The command that measured the scan, or null to add it without an id (always added).</param>
    /// <param name="stateFile">Where the sample's sums are kept on disk, or null to keep them in memory.</param>
    /// <returns>Every scan of the sample so far, merged.</returns>
    /// <exception cref="ArgumentException">A scan point lies off the grid (more than a quarter step from a grid point), or the grid changed between scans.</exception>
    /// <exception cref="InvalidDataException">The state file exists but is not a complete sums file of this sample; the message names it.</exception>
    /// <exception cref="IOException">The state file cannot be written; the scan is then not added.</exception>
    public DiffractometerMergedPattern Add(string key, ScanRange grid, PowderPattern scan, DiffractometerScanId? id, string? stateFile)
    {
        string? file = stateFile is null ? null : Path.GetFullPath(stateFile);
        string slot = file is null ? $"memory:{key}" : $"file:{file}";
        lock (_gate)
        {
            if (!_samples.TryGetValue(slot, out DiffractometerSampleSums? sums))
            {
                // Loaded lazily: a resumed run reads only the samples it scans again.
                sums = (file is null ? null : DiffractometerSumsFile.Read(file, key)) ?? new DiffractometerSampleSums(key, grid, file);
                _samples[slot] = sums;
            }

            if (sums.Grid.Start != grid.Start || sums.Grid.Step != grid.Step || sums.Grid.Points != grid.Points)
            {
                throw new ArgumentException($"sample '{key}' was scanned on the grid {sums.Grid.Start}° step {sums.Grid.Step}° before; a scan on {grid.Start}° step {grid.Step}° cannot be added to it", nameof(grid));
            }

            if (id is not null && sums.Added.Contains(id))
            {
                return sums.Merged();
            }

            DiffractometerSampleSums next = sums.With(scan, GridIndices(grid, scan), id);
            if (next.StateFile is not null)
            {
                // Disk first: if the write fails, memory keeps the old sums too, so a retried scan is not counted twice.
                DiffractometerSumsFile.Write(next);
            }

            _samples[slot] = next;
            return next.Merged();
        }
    }

    /// <summary>Forgets every sample in memory; files on disk are kept and read again on next use.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _samples.Clear();
        }
    }

    private static int[] GridIndices(ScanRange grid, PowderPattern scan)
    {
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

        return indices;
    }
}
