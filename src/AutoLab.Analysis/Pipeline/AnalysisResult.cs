using AutoLab.Contracts;

namespace AutoLab.Analysis.Pipeline;

/// <summary>Outputs of an analysis stage, or of a whole pipeline.</summary>
public sealed record AnalysisResult
{
    /// <summary>Nothing: the outputs before the first stage.</summary>
    public static AnalysisResult Empty { get; } = new();

    /// <summary>Objective values by name, in the objectives' units.</summary>
    public IReadOnlyDictionary<string, double> Objectives { get; init; } = new Dictionary<string, double>();

    /// <summary>One-standard-deviation uncertainty per objective, same units, where estimated.</summary>
    public IReadOnlyDictionary<string, double> Uncertainties { get; init; } = new Dictionary<string, double>();

    /// <summary>Extra scalar outputs (e.g. class probabilities, fit quality) for the journal and exports.</summary>
    public IReadOnlyDictionary<string, double> Diagnostics { get; init; } = new Dictionary<string, double>();

    /// <summary>Derived data the stage wrote, by reference.</summary>
    public IReadOnlyList<DataReference> Data { get; init; } = [];
}
