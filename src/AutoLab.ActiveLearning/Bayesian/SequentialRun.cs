namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>The record of a <see cref="SequentialOptimizer"/> run.</summary>
public sealed record SequentialRun
{
    /// <summary>Unit-cube points evaluated, in order.</summary>
    public required IReadOnlyList<double[]> Points { get; init; }

    /// <summary>Objective values, in order.</summary>
    public required IReadOnlyList<double> Values { get; init; }

    /// <summary>Smallest value found.</summary>
    public double BestValue => Values.Min();

    /// <summary>Best value after each evaluation (running minimum).</summary>
    public IReadOnlyList<double> BestSoFar
    {
        get
        {
            double best = double.PositiveInfinity;
            return [.. Values.Select(v => best = Math.Min(best, v))];
        }
    }
}
