namespace AutoLab.Contracts;

/// <summary>
/// A finished experiment as an optimizer sees it: where it was run and what the objectives came to.
/// </summary>
public sealed record Observation
{
    /// <summary>The experiment that produced this observation.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>1-based order in which the campaign started the experiment.</summary>
    public required int Sequence { get; init; }

    /// <summary>The point the experiment was run at.</summary>
    public required ParameterPoint Parameters { get; init; }

    /// <summary>Objective values by objective name, in the objectives' declared units. Empty when the experiment faulted.</summary>
    public IReadOnlyDictionary<string, double> Objectives { get; init; } = new Dictionary<string, double>();

    /// <summary>One-standard-deviation uncertainty of each objective, same units, where the analysis estimated one.</summary>
    public IReadOnlyDictionary<string, double> Uncertainties { get; init; } = new Dictionary<string, double>();

    /// <summary>True when the experiment completed; false when it faulted (optimizers may treat it as infeasible).</summary>
    public bool Succeeded { get; init; } = true;
}
