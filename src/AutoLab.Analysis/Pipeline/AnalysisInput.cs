using AutoLab.Contracts;
using AutoLab.Contracts.Analysis;

namespace AutoLab.Analysis.Pipeline;

/// <summary>What an <see cref="IAnalysisModel"/> sees: one measurement and the outputs of the stages before it.</summary>
public sealed record AnalysisInput
{
    /// <summary>Where the experiment was run.</summary>
    public ParameterPoint Parameters { get; init; } = new();

    /// <summary>Scalar readings of the measurement by name, in the instrument's units.</summary>
    public IReadOnlyDictionary<string, double> Readings { get; init; } = new Dictionary<string, double>();

    /// <summary>Large measurement data by reference.</summary>
    public IReadOnlyList<DataReference> Data { get; init; } = [];

    /// <summary>Folder (absolute) where a model may write derived data; empty when none was given.</summary>
    public string DataDirectory { get; init; } = "";

    /// <summary>Names of the objectives the pipeline as a whole must produce.</summary>
    public IReadOnlyList<string> Objectives { get; init; } = [];

    /// <summary>Outputs of the earlier stages, merged in order; empty for the first stage.</summary>
    public AnalysisResult Previous { get; init; } = AnalysisResult.Empty;

    /// <summary>The input of the first stage for an <see cref="AnalyzeMeasurement"/> command.</summary>
    /// <param name="command">The command as received; missing collections count as empty.</param>
    /// <returns>The input.</returns>
    public static AnalysisInput FromCommand(AnalyzeMeasurement command) => new()
    {
        Parameters = command.Parameters ?? new ParameterPoint(),
        Readings = command.Readings ?? new Dictionary<string, double>(),
        Data = command.Data ?? [],
        DataDirectory = command.DataDirectory ?? "",
        Objectives = command.Objectives ?? [],
    };
}
