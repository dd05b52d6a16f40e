namespace AutoLab.ActiveLearning.Kriging;

/// <summary>How well a kriging reconstruction knows its map: posterior standard deviation over a grid of the space.</summary>
public sealed record ReconstructionUncertainty
{
    /// <summary>Mean posterior standard deviation over the grid, objective units.</summary>
    public required double MeanStandardDeviation { get; init; }

    /// <summary>Largest posterior standard deviation over the grid, objective units.</summary>
    public required double MaxStandardDeviation { get; init; }

    /// <summary>Unit-cube point where the standard deviation is largest.</summary>
    public required IReadOnlyList<double> MaxAt { get; init; }

    /// <summary>Number of grid points evaluated.</summary>
    public required int GridPoints { get; init; }

    /// <summary>Observations the GP was fitted to.</summary>
    public required int Observations { get; init; }
}
