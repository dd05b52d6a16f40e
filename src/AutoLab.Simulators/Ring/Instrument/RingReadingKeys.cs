namespace AutoLab.Simulators.Ring.Instrument;

/// <summary>Keys of a <see cref="RingInstrument"/> reading, with their units; objectives in campaign specs use these names.</summary>
public static class RingReadingKeys
{
    /// <summary>On-momentum dynamic-aperture area (mm²).</summary>
    public const string DynamicApertureArea = "da_area_mm2";

    /// <summary>Mean of the ±δ_off dynamic-aperture areas (mm²).</summary>
    public const string OffMomentumArea = "da_area_off_momentum_mm2";

    /// <summary>Positive momentum acceptance (%).</summary>
    public const string MomentumAcceptancePositive = "momentum_acceptance_pos_percent";

    /// <summary>Negative momentum acceptance (%, a negative number).</summary>
    public const string MomentumAcceptanceNegative = "momentum_acceptance_neg_percent";

    /// <summary>Touschek-lifetime proxy (%²): harmonic mean of the squared acceptances.</summary>
    public const string TouschekProxy = "touschek_proxy_percent2";

    /// <summary>Horizontal tune.</summary>
    public const string TuneX = "tune_x";

    /// <summary>Vertical tune.</summary>
    public const string TuneY = "tune_y";

    /// <summary>Horizontal chromaticity.</summary>
    public const string ChromaticityX = "chromaticity_x";

    /// <summary>Vertical chromaticity.</summary>
    public const string ChromaticityY = "chromaticity_y";

    /// <summary>1 when the linear optics are stable, else 0 (then every objective is 0).</summary>
    public const string Stable = "stable";

    /// <summary>Every key with its unit.</summary>
    public static IReadOnlyDictionary<string, string> Units { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DynamicApertureArea] = "mm^2",
        [OffMomentumArea] = "mm^2",
        [MomentumAcceptancePositive] = "%",
        [MomentumAcceptanceNegative] = "%",
        [TouschekProxy] = "%^2",
        [TuneX] = "",
        [TuneY] = "",
        [ChromaticityX] = "",
        [ChromaticityY] = "",
        [Stable] = "",
    };
}
