using System.Globalization;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Space;

/// <summary>The linear constraints of a campaign, validated against its space.</summary>
/// <remarks>
/// A point satisfies a constraint when Σ coefficient·value ≤ upper bound, compared exactly: suggestions
/// are drawn strictly inside the feasible region, and a point on the boundary counts as feasible.
/// </remarks>
public sealed class ConstraintSet
{
    private ConstraintSet(IReadOnlyList<LinearConstraint> constraints)
    {
        Constraints = constraints;
    }

    /// <summary>Validates constraints against a space.</summary>
    /// <param name="constraints">The campaign's constraints; null means none.</param>
    /// <param name="space">The space whose numeric parameters they may name.</param>
    /// <exception cref="SuggestionException">A constraint names an unknown or categorical parameter or has a non-finite number.</exception>
    public ConstraintSet(IReadOnlyList<LinearConstraint>? constraints, SearchSpace space)
        : this([.. constraints ?? []])
    {
        Dictionary<string, ParameterDefinition> byName = space.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        List<string> problems = [];
        for (int i = 0; i < Constraints.Count; i++)
        {
            problems.AddRange(ProblemsOf(i, byName));
        }

        if (problems.Count > 0)
        {
            throw new SuggestionException($"invalid constraints: {string.Join("; ", problems)}");
        }
    }

    /// <summary>No constraints: every point is feasible.</summary>
    public static ConstraintSet None { get; } = new([]);

    /// <summary>The constraints, in the campaign's order.</summary>
    public IReadOnlyList<LinearConstraint> Constraints { get; }

    /// <summary>True when there are no constraints.</summary>
    public bool IsEmpty => Constraints.Count == 0;

    /// <summary>Whether a point satisfies constraint <paramref name="index"/>.</summary>
    /// <param name="index">0-based constraint index.</param>
    /// <param name="point">A point of the space.</param>
    /// <returns>True when Σ coefficient·value ≤ upper bound.</returns>
    public bool IsSatisfied(int index, ParameterPoint point)
    {
        LinearConstraint constraint = Constraints[index];
        double sum = 0;
        foreach (KeyValuePair<string, double> term in constraint.Coefficients)
        {
            sum += term.Value * point.Values[term.Key];
        }

        return sum <= constraint.UpperBound;
    }

    /// <summary>Whether a point satisfies every constraint.</summary>
    /// <param name="point">A point of the space.</param>
    /// <returns>True when all constraints hold.</returns>
    public bool IsSatisfiedBy(ParameterPoint point)
    {
        for (int i = 0; i < Constraints.Count; i++)
        {
            if (!IsSatisfied(i, point))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A constraint's name for messages: its label, or its formula when it has none.</summary>
    /// <param name="index">0-based constraint index.</param>
    /// <returns>E.g. "fractions sum to at most 1" or "1*x + 1*y &lt;= 1".</returns>
    public string Describe(int index)
    {
        LinearConstraint constraint = Constraints[index];
        if (!string.IsNullOrWhiteSpace(constraint.Label))
        {
            return constraint.Label;
        }

        string terms = string.Join(" + ", constraint.Coefficients.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Value}*{t.Key}")));
        return string.Create(CultureInfo.InvariantCulture, $"{terms} <= {constraint.UpperBound}");
    }

    private IEnumerable<string> ProblemsOf(int index, Dictionary<string, ParameterDefinition> byName)
    {
        LinearConstraint? constraint = Constraints[index];
        if (constraint?.Coefficients is null || constraint.Coefficients.Count == 0)
        {
            yield return $"constraint #{index + 1} has no coefficients";
            yield break;
        }

        string name = $"constraint #{index + 1} ('{Describe(index)}')";
        if (!double.IsFinite(constraint.UpperBound))
        {
            yield return $"{name}: upper bound must be finite, got {constraint.UpperBound}";
        }

        foreach (KeyValuePair<string, double> term in constraint.Coefficients)
        {
            if (!byName.TryGetValue(term.Key, out ParameterDefinition? parameter))
            {
                yield return $"{name} names unknown parameter '{term.Key}'";
            }
            else if (parameter.Kind == ParameterKind.Categorical)
            {
                yield return $"{name} uses categorical parameter '{term.Key}'; only numeric parameters can appear in linear constraints";
            }
            else if (!double.IsFinite(term.Value))
            {
                yield return $"{name}: coefficient of '{term.Key}' must be finite, got {term.Value}";
            }
        }
    }
}
