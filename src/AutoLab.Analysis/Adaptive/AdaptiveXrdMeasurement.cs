using AutoLab.Analysis.Training.Xrd;
using AutoLab.Simulators.Xrd;

namespace AutoLab.Analysis.Adaptive;

/// <summary>
/// Merges a fast full scan and longer re-measured windows into one pattern on the identifier's grid, as
/// counts per second.
/// </summary>
/// <remarks>
/// Each scan point is assigned to the nearest grid point; per grid point the counts and the counting time
/// (exposure) of every scan are summed, and the merged value is counts / exposure. Summing before dividing
/// is the maximum-likelihood rate for Poisson counts from several exposures, so a window counted 8× longer
/// keeps the same intensity scale as the fast scan and only its noise falls. Grid points never measured
/// have rate 0 and exposure 0 (the preprocessor treats them as flanks).
/// </remarks>
public sealed class AdaptiveXrdMeasurement
{
    // Scan points farther than this fraction of a grid step from a grid point are refused: the windows are
    // scanned on the grid, so a larger offset means a scan that does not belong to this grid.
    private const double SnapTolerance = 0.25;

    private readonly double[] _counts;
    private readonly double[] _exposure;

    /// <summary>Creates an empty measurement on a grid.</summary>
    /// <param name="grid">The identifier's grid.</param>
    public AdaptiveXrdMeasurement(XrdPatternGrid grid)
    {
        Grid = grid;
        _counts = new double[grid.Points];
        _exposure = new double[grid.Points];
    }

    /// <summary>The grid.</summary>
    public XrdPatternGrid Grid { get; }

    /// <summary>Counting time of every scan added so far (s).</summary>
    public double TotalSeconds { get; private set; }

    /// <summary>Number of scans added.</summary>
    public int Scans { get; private set; }

    /// <summary>Adds a scan whose points lie on the grid.</summary>
    /// <param name="scan">The measured scan (counts for <see cref="PowderPattern.CountTime"/> seconds per point).</param>
    /// <exception cref="ArgumentException">A point lies off the grid.</exception>
    public void Add(PowderPattern scan)
    {
        for (int i = 0; i < scan.TwoTheta.Count; i++)
        {
            double position = (scan.TwoTheta[i] - Grid.Start) / Grid.Step;
            int index = (int)Math.Round(position);
            if (index < 0 || index >= Grid.Points || Math.Abs(position - index) > SnapTolerance)
            {
                throw new ArgumentException($"scan point {i} at 2θ = {scan.TwoTheta[i]}° is not on the grid {Grid.Start}..{Grid.Stop}° step {Grid.Step}", nameof(scan));
            }

            _counts[index] += scan.Counts[i];
            _exposure[index] += scan.CountTime;
        }

        TotalSeconds += scan.TwoTheta.Count * scan.CountTime;
        Scans++;
    }

    /// <summary>Merged count rate at grid point <paramref name="index"/> (counts/s), 0 where unmeasured.</summary>
    /// <param name="index">0-based grid point.</param>
    /// <returns>Summed counts / summed exposure.</returns>
    public double Rate(int index) => _exposure[index] > 0 ? _counts[index] / _exposure[index] : 0.0;

    /// <summary>Summed counting time at grid point <paramref name="index"/> (s).</summary>
    /// <param name="index">0-based grid point.</param>
    /// <returns>The exposure.</returns>
    public double Exposure(int index) => _exposure[index];

    /// <summary>The merged pattern over the measured grid points, as counts per second (count time 1 s), with each point's summed exposure.</summary>
    /// <returns>The pattern the identifier reads; its scale drops out in preprocessing, and an identifier with an exposure channel reads <see cref="PowderPattern.Exposure"/>.</returns>
    /// <exception cref="InvalidOperationException">Nothing has been measured.</exception>
    public PowderPattern ToPattern()
    {
        List<double> twoTheta = [];
        List<double> rates = [];
        List<double> exposure = [];
        for (int i = 0; i < Grid.Points; i++)
        {
            if (_exposure[i] > 0)
            {
                twoTheta.Add(Grid.At(i));
                rates.Add(Rate(i));
                exposure.Add(_exposure[i]);
            }
        }

        if (twoTheta.Count == 0)
        {
            throw new InvalidOperationException("no scan has been added");
        }

        return new PowderPattern(twoTheta, rates, 1.0) { Exposure = exposure };
    }
}
