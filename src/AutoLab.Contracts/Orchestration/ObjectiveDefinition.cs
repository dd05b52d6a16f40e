namespace AutoLab.Contracts.Orchestration;

/// <summary>An objective the campaign optimizes, produced by the analysis step.</summary>
public sealed record ObjectiveDefinition
{
    /// <summary>Objective name; the key in analysis results and observations.</summary>
    public required string Name { get; init; }

    /// <summary>Minimize or maximize.</summary>
    public required ObjectiveDirection Direction { get; init; }

    /// <summary>Unit symbol, empty when dimensionless.</summary>
    public string Unit { get; init; } = "";
}
