namespace AutoLab.Contracts.Orchestration;

/// <summary>
/// A linear inequality over numeric parameters: Σ coefficient·value ≤ <see cref="UpperBound"/>.
/// </summary>
/// <remarks>Used, for example, to keep ternary composition fractions summing to at most one.</remarks>
public sealed record LinearConstraint
{
    /// <summary>Coefficient of each numeric parameter by name; absent parameters have coefficient zero.</summary>
    public required IReadOnlyDictionary<string, double> Coefficients { get; init; }

    /// <summary>Right-hand side of the inequality.</summary>
    public required double UpperBound { get; init; }

    /// <summary>Optional label used in messages, e.g. "fractions sum to at most 1".</summary>
    public string Label { get; init; } = "";
}
