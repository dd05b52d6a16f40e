namespace AutoLab.Simulators.Saxs;

/// <summary>What a commanded point means to the SAXS instrument.</summary>
public enum SaxsSampleKind
{
    /// <summary>A dispersion: the point's values set sample parameters (radius, volume_fraction, ...) over the configured sample.</summary>
    Solution,

    /// <summary>A 2-D film: the point is a position (x, y in mm) on a <see cref="FilmMorphology"/>.</summary>
    Film,
}
