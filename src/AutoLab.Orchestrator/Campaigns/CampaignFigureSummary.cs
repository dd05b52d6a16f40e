namespace AutoLab.Orchestrator.Campaigns;

/// <summary>A campaign benchmark's figures over several seeds: medians of the value, of each baseline and of each curve point.</summary>
public sealed record CampaignFigureSummary
{
    /// <summary>The benchmark's name.</summary>
    public required string Name { get; init; }

    /// <summary>What the value measures.</summary>
    public required string Metric { get; init; }

    /// <summary>The seeds run, in order.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>Median of the per-seed values (infinite when more than half the seeds never got there).</summary>
    public required double Median { get; init; }

    /// <summary>The per-seed values, in the order of <see cref="Seeds"/>.</summary>
    public required IReadOnlyList<double> Values { get; init; }

    /// <summary>The target.</summary>
    public required double Target { get; init; }

    /// <summary>Whether the value must be at most or at least the target.</summary>
    public required TargetComparison Comparison { get; init; }

    /// <summary>Whether the median meets the target.</summary>
    public bool Met => CampaignFigure.IsMet(Median, Target, Comparison);

    /// <summary>Seeds whose own value meets the target.</summary>
    public required int SeedsMet { get; init; }

    /// <summary>Median of each baseline over seeds.</summary>
    public required IReadOnlyDictionary<string, double> Baselines { get; init; }

    /// <summary>Each baseline's per-seed values, in the order of <see cref="Seeds"/> (NaN where a run did not report it), so a seed's medians can be traced back to it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> BaselinesPerSeed { get; init; } = new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>Point-by-point median of each curve over seeds.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<double>> Series { get; init; }

    /// <summary>How the figures were measured (from the first run).</summary>
    public required string Method { get; init; }

    /// <summary>Wall time of all the runs, in s.</summary>
    public double Seconds { get; init; }

    /// <summary>Summarises the runs of one benchmark.</summary>
    /// <param name="runs">One figure per seed, all of the same benchmark; at least one.</param>
    /// <param name="seconds">Wall time they took, in s.</param>
    /// <returns>The medians.</returns>
    /// <exception cref="ArgumentException">No runs, or runs of different benchmarks.</exception>
    public static CampaignFigureSummary Of(IReadOnlyList<CampaignFigure> runs, double seconds = 0)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0 || runs.Any(r => r.Name != runs[0].Name))
        {
            throw new ArgumentException("a summary needs at least one run, all of the same benchmark", nameof(runs));
        }

        CampaignFigure first = runs[0];
        Dictionary<string, double> baselines = first.Baselines.Keys
            .ToDictionary(k => k, k => MedianOf(runs.Select(r => r.Baselines.TryGetValue(k, out double v) ? v : double.NaN)), StringComparer.Ordinal);
        Dictionary<string, IReadOnlyList<double>> series = [];
        foreach ((string key, IReadOnlyList<double> curve) in first.Series)
        {
            double[] medians = new double[curve.Count];
            for (int i = 0; i < curve.Count; i++)
            {
                medians[i] = MedianOf(runs.Select(r => r.Series.TryGetValue(key, out IReadOnlyList<double>? c) && i < c.Count ? c[i] : double.NaN));
            }

            series[key] = medians;
        }

        return new CampaignFigureSummary
        {
            Name = first.Name,
            Metric = first.Metric,
            Seeds = [.. runs.Select(r => r.Seed)],
            Median = MedianOf(runs.Select(r => r.Value)),
            Values = [.. runs.Select(r => r.Value)],
            Target = first.Target,
            Comparison = first.Comparison,
            SeedsMet = runs.Count(r => r.Met),
            Baselines = baselines,
            BaselinesPerSeed = first.Baselines.Keys.ToDictionary(
                k => k, k => (IReadOnlyList<double>)[.. runs.Select(r => r.Baselines.TryGetValue(k, out double v) ? v : double.NaN)], StringComparer.Ordinal),
            Series = series,
            Method = first.Method,
            Seconds = seconds,
        };
    }

    /// <summary>The median, NaNs left out; infinities count as the largest or smallest values, as they should.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The median, or NaN when there are no non-NaN values.</returns>
    public static double MedianOf(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Where(v => !double.IsNaN(v)).Order()];
        int n = sorted.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        if (n % 2 == 1)
        {
            return sorted[n / 2];
        }

        double low = sorted[(n / 2) - 1];
        double high = sorted[n / 2];
        // (x + ∞)/2 is ∞, which is right: half the runs never got there.
        return low == high ? low : 0.5 * (low + high);
    }
}
