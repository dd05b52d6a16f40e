namespace AutoLab.Contracts.Orchestration;

/// <summary>
/// One limit of an instrument's safety envelope: a parameter the instrument accepts only within
/// [<see cref="Minimum"/>, <see cref="Maximum"/>].
/// </summary>
public sealed record EnvelopeLimit
{
    /// <summary>Instrument the limit belongs to.</summary>
    public required string Instrument { get; init; }

    /// <summary>Numeric parameter the limit applies to.</summary>
    public required string Parameter { get; init; }

    /// <summary>Smallest allowed value, in the parameter's unit.</summary>
    public double Minimum { get; init; } = double.NegativeInfinity;

    /// <summary>Largest allowed value, in the parameter's unit.</summary>
    public double Maximum { get; init; } = double.PositiveInfinity;
}
