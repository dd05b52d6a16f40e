using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>
/// The training data a GP strategy reads from a request: unit-cube inputs and one objective, oriented so
/// that larger is better.
/// </summary>
/// <remarks>
/// Faulted experiments (<see cref="Observation.Succeeded"/> false) carry no value and are left out; a
/// succeeded one without a finite value for the objective is an error, because silently dropping it would
/// hide a broken analysis step.
/// </remarks>
public sealed record ObjectiveData
{
    /// <summary>The objective's name.</summary>
    public required string Objective { get; init; }

    /// <summary>True when the campaign minimises it (values are negated in <see cref="Values"/>).</summary>
    public required bool Minimize { get; init; }

    /// <summary>Unit-cube inputs of the succeeded observations.</summary>
    public required IReadOnlyList<double[]> Inputs { get; init; }

    /// <summary>Oriented values (larger is better), objective units.</summary>
    public required IReadOnlyList<double> Values { get; init; }

    /// <summary>Reads and validates the data of a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="strategy">Strategy name, for messages.</param>
    /// <param name="objectiveName">The objective option, or null to use the campaign's only objective.</param>
    /// <returns>The data.</returns>
    /// <exception cref="SuggestionException">No single objective is named, or an observation is malformed.</exception>
    public static ObjectiveData FromRequest(SuggestionRequest request, string strategy, string? objectiveName)
    {
        ObjectiveDefinition objective = ChooseObjective(request.Objectives, strategy, objectiveName);
        List<double[]> inputs = [];
        List<double> values = [];
        bool minimize = objective.Direction == ObjectiveDirection.Minimize;
        foreach (Observation observation in request.History)
        {
            if (!observation.Succeeded)
            {
                continue;
            }

            if (!observation.Objectives.TryGetValue(objective.Name, out double value))
            {
                throw new SuggestionException($"strategy '{strategy}': observation #{observation.Sequence} succeeded but has no value for objective '{objective.Name}'");
            }

            if (!double.IsFinite(value))
            {
                throw new SuggestionException($"strategy '{strategy}': observation #{observation.Sequence} has a non-finite value for objective '{objective.Name}': {value}");
            }

            inputs.Add(ToUnit(request, observation.Parameters, strategy, $"observation #{observation.Sequence}"));
            values.Add(minimize ? -value : value);
        }

        return new ObjectiveData { Objective = objective.Name, Minimize = minimize, Inputs = inputs, Values = values };
    }

    /// <summary>The unit-cube vector of a point, with a strategy error when it lies outside the space.</summary>
    /// <param name="request">The request whose space is used.</param>
    /// <param name="point">The point.</param>
    /// <param name="strategy">Strategy name, for messages.</param>
    /// <param name="what">What the point is, for messages.</param>
    /// <returns>Unit-cube coordinates.</returns>
    /// <exception cref="SuggestionException">The point lacks a parameter or lies outside the space.</exception>
    public static double[] ToUnit(SuggestionRequest request, ParameterPoint point, string strategy, string what)
    {
        try
        {
            return request.Space.ToUnit(point);
        }
        catch (ArgumentException e)
        {
            throw new SuggestionException($"strategy '{strategy}': {what} does not fit the space: {e.Message}", e);
        }
    }

    private static ObjectiveDefinition ChooseObjective(IReadOnlyList<ObjectiveDefinition> objectives, string strategy, string? name)
    {
        if (name is not null)
        {
            return objectives.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal))
                ?? throw new SuggestionException($"strategy '{strategy}': option objective names '{name}', which is not among the campaign's objectives ({string.Join(", ", objectives.Select(o => o.Name))})");
        }

        return objectives.Count switch
        {
            1 => objectives[0],
            0 => throw new SuggestionException($"strategy '{strategy}' needs the campaign's objective; the request declares none"),
            _ => throw new SuggestionException($"strategy '{strategy}' models one objective; the campaign has {objectives.Count} ({string.Join(", ", objectives.Select(o => o.Name))}): choose one with option 'objective'"),
        };
    }
}
