using AutoLab.Simulators.Saxs;

namespace AutoLab.Analysis.Training.Sas;

/// <summary>How <see cref="SasTrainingSetGenerator"/> builds a set of simulated SAXS/SANS curves.</summary>
/// <remarks>
/// The defaults describe a pinhole SAXS camera measuring 0.005–0.5 Å⁻¹ on 128 log-spaced points, which covers
/// the Guinier region of particles up to about 250 Å and the Porod region of those down to about 15 Å. The
/// sample ranges drawn for each family are in <see cref="SasSampleDraw"/>.
/// </remarks>
public sealed record SasGeneratorOptions
{
    /// <summary>Default smallest q (Å⁻¹).</summary>
    public const double DefaultQMin = 0.005;

    /// <summary>Default largest q (Å⁻¹).</summary>
    public const double DefaultQMax = 0.5;

    /// <summary>Default number of log-spaced q points.</summary>
    public const int DefaultPoints = 128;

    /// <summary>Smallest q (Å⁻¹).</summary>
    public double QMin { get; init; } = DefaultQMin;

    /// <summary>Largest q (Å⁻¹).</summary>
    public double QMax { get; init; } = DefaultQMax;

    /// <summary>Number of q points, log-spaced from <see cref="QMin"/> to <see cref="QMax"/>.</summary>
    public int Points { get; init; } = DefaultPoints;

    /// <summary>Curves drawn for each family in <see cref="Families"/>.</summary>
    public int CurvesPerFamily { get; init; } = 200;

    /// <summary>The model families to draw, in label order; all five by default.</summary>
    public IReadOnlyList<SaxsModel> Families { get; init; } = SasFamilies.All;

    /// <summary>Whether curves carry Poisson counting noise (false gives the smeared expected curve).</summary>
    public bool CountingNoise { get; init; } = true;

    /// <summary>Threads used; 0 for all cores.</summary>
    public int Threads { get; init; }

    /// <summary>The first invalid field, as a message, or null when the options are valid.</summary>
    /// <returns>A message naming the field and its value, or null.</returns>
    public string? FindProblem()
    {
        if (!(QMin > 0 && QMax > QMin && double.IsFinite(QMax)))
        {
            return $"q range must satisfy 0 < q_min < q_max (1/Å), not [{QMin}, {QMax}]";
        }

        if (Points is < 8 or > 4096)
        {
            return $"points must be in [8, 4096], not {Points}";
        }

        if (CurvesPerFamily < 1)
        {
            return $"curves per family must be at least 1, not {CurvesPerFamily}";
        }

        if (Families.Count == 0 || Families.Distinct().Count() != Families.Count)
        {
            return "families must be a non-empty list without repeats";
        }

        return Threads < 0 ? $"threads must not be negative, not {Threads}" : null;
    }

    /// <summary>The log-spaced q grid (Å⁻¹).</summary>
    /// <returns><see cref="Points"/> values from <see cref="QMin"/> to <see cref="QMax"/>.</returns>
    public double[] Grid() => new SaxsCameraSettings { QMin = QMin, QMax = QMax, Points = Points }.Grid();
}
