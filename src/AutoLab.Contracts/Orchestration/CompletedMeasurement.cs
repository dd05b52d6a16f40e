namespace AutoLab.Contracts.Orchestration;

/// <summary>
/// A measurement already journaled for an experiment that was in flight when the orchestrator stopped;
/// carried into a resumed experiment so the measurement is analysed, not repeated.
/// </summary>
public sealed record CompletedMeasurement
{
    /// <summary>Instrument that measured.</summary>
    public required string Instrument { get; init; }

    /// <summary>Scalar readings by name.</summary>
    public IReadOnlyDictionary<string, double> Readings { get; init; } = new Dictionary<string, double>();

    /// <summary>Large data by reference.</summary>
    public IReadOnlyList<DataReference> Data { get; init; } = [];
}
