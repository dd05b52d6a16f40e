namespace AutoLab.Simulators.Saxs;

/// <summary>How the simulated camera measures: q range and sampling, resolution and counting.</summary>
/// <remarks>Checked by <see cref="FindProblem"/>; used by <see cref="SaxsCamera"/>.</remarks>
public sealed record SaxsCameraSettings
{
    /// <summary>Smallest q measured (Å⁻¹).</summary>
    public double QMin { get; init; } = 0.003;

    /// <summary>Largest q measured (Å⁻¹).</summary>
    public double QMax { get; init; } = 0.5;

    /// <summary>Number of q points, spaced logarithmically as azimuthally averaged SAXS data usually are.</summary>
    public int Points { get; init; } = 200;

    /// <summary>Relative Gaussian resolution σ_q/q; 0 for none.</summary>
    public double RelativeResolution { get; init; } = 0.03;

    /// <summary>Counting time (s); noise falls as 1/√t.</summary>
    public double CountTime { get; init; } = 10.0;

    /// <summary>
    /// Detected counts per second per q point for an intensity of 1 cm⁻¹ (flux × transmission × thickness ×
    /// solid angle × efficiency lumped together); 0 disables counting noise.
    /// </summary>
    public double CountsPerSecondPerUnitIntensity { get; init; } = 1000.0;

    /// <summary>The first invalid field, as a message, or null when the settings are valid.</summary>
    /// <returns>A message naming the field and its value, or null.</returns>
    public string? FindProblem()
    {
        if (!(QMin > 0 && QMax > QMin && double.IsFinite(QMax)))
        {
            return $"q range must satisfy 0 < q_min < q_max (1/Å), not [{QMin}, {QMax}]";
        }

        if (Points is < 2 or > 100_000)
        {
            return $"points must be in [2, 100000], not {Points}";
        }

        if (!(RelativeResolution >= 0 && RelativeResolution <= ResolutionSmearing.MaxRelativeResolution))
        {
            return $"relative resolution must be in [0, {ResolutionSmearing.MaxRelativeResolution}], not {RelativeResolution}";
        }

        if (!(CountTime > 0 && CountTime <= 86_400))
        {
            return $"count time must be in (0, 86400] s, not {CountTime}";
        }

        if (!(CountsPerSecondPerUnitIntensity >= 0 && double.IsFinite(CountsPerSecondPerUnitIntensity)))
        {
            return $"counts per second per unit intensity must not be negative, not {CountsPerSecondPerUnitIntensity}";
        }

        return null;
    }

    /// <summary>The logarithmically spaced q grid (Å⁻¹).</summary>
    /// <returns>Points values from <see cref="QMin"/> to <see cref="QMax"/>.</returns>
    public double[] Grid()
    {
        double[] q = new double[Points];
        double ratio = Math.Log(QMax / QMin) / (Points - 1);
        for (int i = 0; i < Points; i++)
        {
            q[i] = QMin * Math.Exp(ratio * i);
        }

        return q;
    }
}
