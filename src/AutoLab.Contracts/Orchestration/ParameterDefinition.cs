namespace AutoLab.Contracts.Orchestration;

/// <summary>One dimension of a campaign's search space.</summary>
public sealed record ParameterDefinition
{
    /// <summary>Parameter name, unique within the space; the key in <see cref="ParameterPoint"/> maps.</summary>
    public required string Name { get; init; }

    /// <summary>Continuous, integer or categorical.</summary>
    public required ParameterKind Kind { get; init; }

    /// <summary>Lower bound (inclusive) for numeric parameters, in <see cref="Unit"/>.</summary>
    public double Lower { get; init; }

    /// <summary>Upper bound (inclusive) for numeric parameters, in <see cref="Unit"/>.</summary>
    public double Upper { get; init; }

    /// <summary>The allowed values of a categorical parameter, in a fixed order.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Unit symbol for humans and exports (e.g. "K", "mm", "1/m^2"); empty when dimensionless.</summary>
    public string Unit { get; init; } = "";
}
