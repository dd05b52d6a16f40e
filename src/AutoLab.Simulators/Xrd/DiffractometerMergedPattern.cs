namespace AutoLab.Simulators.Xrd;

/// <summary>Every scan of one sample added up on the instrument's grid (see <see cref="DiffractometerAccumulator"/>).</summary>
/// <param name="TwoTheta">2θ of each grid point measured at least once (degrees), ascending.</param>
/// <param name="Rate">Summed counts / summed exposure at each of those points (counts/s).</param>
/// <param name="Exposure">Summed counting time at each of those points (s).</param>
/// <param name="Scans">Number of scans added.</param>
/// <param name="Seconds">Counting time of every scan together: Σ points × count time (s).</param>
public sealed record DiffractometerMergedPattern(
    IReadOnlyList<double> TwoTheta,
    IReadOnlyList<double> Rate,
    IReadOnlyList<double> Exposure,
    int Scans,
    double Seconds);
