namespace AutoLab.Contracts;

/// <summary>
/// One point in a campaign's search space: what an experiment is prepared and measured at.
/// </summary>
/// <remarks>
/// Numeric (continuous and integer) parameters and categorical parameters travel in two maps so
/// that a foreign adapter reads plain JSON numbers and strings without a type tag. Units are those
/// declared for each parameter in the campaign's <see cref="Orchestration.ParameterDefinition"/>.
/// </remarks>
public sealed record ParameterPoint
{
    /// <summary>Continuous and integer parameters by name, in the units of their definitions.</summary>
    public IReadOnlyDictionary<string, double> Values { get; init; } = new Dictionary<string, double>();

    /// <summary>Categorical parameters by name; each value is one of the definition's choices.</summary>
    public IReadOnlyDictionary<string, string> Choices { get; init; } = new Dictionary<string, string>();
}
