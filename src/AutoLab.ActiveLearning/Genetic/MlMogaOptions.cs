namespace AutoLab.ActiveLearning.Genetic;

/// <summary>
/// The choices the ML-enhanced MOGA description leaves open (seed 000, lines 321–327; catalogue §3.6), each
/// with a documented default.
/// </summary>
/// <remarks>
/// The defaults are this implementation's choices, not the paper's: it gives none of them. Five clusters
/// on a population of 100 leave about 20 members per cluster, enough for a meaningful range; a starting
/// proportion of 20 % keeps most of the batch to ordinary NSGA-II variation so diversity survives.
/// </remarks>
public sealed record MlMogaOptions
{
    /// <summary>k of k-means in parameter space (the variables scaled to [0, 1] by their bounds); default 5.</summary>
    public int Clusters { get; init; } = 5;

    /// <summary>Most Lloyd iterations of k-means; default 50.</summary>
    public int KMeansIterations { get; init; } = 50;

    /// <summary>Weights ωₘ of the fitness F = Σ ωₘ fₘ, one per objective, non-negative, rescaled to sum to 1; null (default) means equal weights.</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>Whether each objective is min–max scaled over the population before weighting (default true), so objectives in different units weigh as the weights say.</summary>
    public bool NormalizeObjectives { get; init; } = true;

    /// <summary>Fraction of each batch replaced by candidates from the elite cluster's range at the start; default 0.2.</summary>
    public double InitialProportion { get; init; } = 0.2;

    /// <summary>
    /// Narrowest width of the elite cluster's range per variable, as a fraction of the variable's bounds;
    /// default 0.05. A cluster of one member (or members equal in a variable) has a range of zero width, and
    /// candidates drawn inside it would all repeat that member's measurement; the range is widened about
    /// its centre to at least this fraction (clipped to the bounds).
    /// </summary>
    public double MinEliteWidth { get; init; } = 0.05;

    /// <summary>Lower limit of the adapted proportion; default 0.05.</summary>
    public double MinProportion { get; init; } = 0.05;

    /// <summary>Upper limit of the adapted proportion; default 0.5.</summary>
    public double MaxProportion { get; init; } = 0.5;

    /// <summary>Whether the proportion adapts to the discrepancy score and may be skipped (default true); false keeps <see cref="InitialProportion"/>.</summary>
    public bool Adaptive { get; init; } = true;

    /// <summary>k of the k-nearest-neighbour regression that predicts a candidate's fitness from the population; default 5.</summary>
    public int Neighbours { get; init; } = 5;

    /// <summary>Discrepancy score at or below which the proportion grows by <see cref="GrowthFactor"/>; default 0.5.</summary>
    public double GrowThreshold { get; init; } = 0.5;

    /// <summary>Discrepancy score at or above which the next intervention is skipped (and the proportion shrinks); default 1.5.</summary>
    public double SkipThreshold { get; init; } = 1.5;

    /// <summary>Factor applied to the proportion after a good score; default 1.25.</summary>
    public double GrowthFactor { get; init; } = 1.25;

    /// <summary>Factor applied to the proportion after a poor score; default 0.8.</summary>
    public double ShrinkFactor { get; init; } = 0.8;

    /// <summary>Every problem with the settings for a problem with <paramref name="objectiveCount"/> objectives, empty when valid.</summary>
    /// <param name="objectiveCount">M, to check the weights against.</param>
    /// <returns>One sentence per problem.</returns>
    public IReadOnlyList<string> Validate(int objectiveCount)
    {
        List<string> problems = [];
        if (Clusters < 1)
        {
            problems.Add($"clusters must be at least 1; got {Clusters}");
        }

        if (KMeansIterations < 1)
        {
            problems.Add($"k-means iterations must be at least 1; got {KMeansIterations}");
        }

        if (Weights is not null)
        {
            if (Weights.Count != objectiveCount)
            {
                problems.Add($"weights need one entry per objective ({objectiveCount}); got {Weights.Count}");
            }
            else if (Weights.Any(w => !(w >= 0.0) || !double.IsFinite(w)) || !(Weights.Sum() > 0.0))
            {
                problems.Add("weights must be finite, non-negative and not all zero");
            }
        }

        if (!(MinProportion >= 0.0 && MinProportion <= InitialProportion && InitialProportion <= MaxProportion && MaxProportion <= 1.0))
        {
            problems.Add($"proportions must satisfy 0 ≤ min ≤ initial ≤ max ≤ 1; got min {MinProportion}, initial {InitialProportion}, max {MaxProportion}");
        }

        if (Neighbours < 1)
        {
            problems.Add($"neighbours must be at least 1; got {Neighbours}");
        }

        if (!(MinEliteWidth >= 0.0 && MinEliteWidth <= 1.0))
        {
            problems.Add($"minimum elite width must be in [0, 1]; got {MinEliteWidth}");
        }

        if (!(GrowThreshold >= 0.0 && GrowThreshold <= SkipThreshold))
        {
            problems.Add($"thresholds must satisfy 0 ≤ grow ≤ skip; got grow {GrowThreshold}, skip {SkipThreshold}");
        }

        if (!(GrowthFactor >= 1.0) || !double.IsFinite(GrowthFactor))
        {
            problems.Add($"growth factor must be at least 1; got {GrowthFactor}");
        }

        if (!(ShrinkFactor > 0.0 && ShrinkFactor <= 1.0))
        {
            problems.Add($"shrink factor must be in (0, 1]; got {ShrinkFactor}");
        }

        return problems;
    }
}
