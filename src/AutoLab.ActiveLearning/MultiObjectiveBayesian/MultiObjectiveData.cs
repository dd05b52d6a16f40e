using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.MultiObjectiveBayesian;

/// <summary>
/// The training data of a multi-objective GP strategy: unit-cube inputs and every objective of the
/// campaign, oriented so that smaller is better.
/// </summary>
/// <remarks>
/// Minimisation is the convention of <see cref="MultiObjective.Hypervolume"/> and of the Chebyshev
/// scalarisation, so maximised objectives are negated once here. Faulted experiments are left out; a
/// succeeded one without a finite value for some objective is an error rather than silently dropped.
/// <seealso cref="ObjectiveData"/>
/// </remarks>
public sealed record MultiObjectiveData
{
    /// <summary>The objectives, in the campaign's order.</summary>
    public required IReadOnlyList<ObjectiveDefinition> Objectives { get; init; }

    /// <summary>Unit-cube inputs of the succeeded observations.</summary>
    public required IReadOnlyList<double[]> Inputs { get; init; }

    /// <summary>Oriented costs (smaller is better), one array of <see cref="Objectives"/>.Count per input, objective units.</summary>
    public required IReadOnlyList<double[]> Costs { get; init; }

    /// <summary>Reads and validates the data of a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="strategy">Strategy name, for messages.</param>
    /// <param name="maxObjectives">Most objectives the strategy supports.</param>
    /// <returns>The data.</returns>
    /// <exception cref="SuggestionException">Fewer than 2 or more than <paramref name="maxObjectives"/> objectives, or a malformed observation.</exception>
    public static MultiObjectiveData FromRequest(SuggestionRequest request, string strategy, int maxObjectives)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<ObjectiveDefinition> objectives = request.Objectives;
        if (objectives.Count < 2 || objectives.Count > maxObjectives)
        {
            throw new SuggestionException(
                $"strategy '{strategy}' optimises {(maxObjectives == 2 ? "exactly 2" : $"2 to {maxObjectives}")} objectives; the campaign has {objectives.Count}" +
                (objectives.Count == 1 ? " (use 'bo' for one objective)" : string.Empty));
        }

        List<double[]> inputs = [];
        List<double[]> costs = [];
        foreach (Observation observation in request.History)
        {
            if (!observation.Succeeded)
            {
                continue;
            }

            double[] cost = new double[objectives.Count];
            for (int j = 0; j < objectives.Count; j++)
            {
                string name = objectives[j].Name;
                if (!observation.Objectives.TryGetValue(name, out double value))
                {
                    throw new SuggestionException($"strategy '{strategy}': observation #{observation.Sequence} succeeded but has no value for objective '{name}'");
                }

                if (!double.IsFinite(value))
                {
                    throw new SuggestionException($"strategy '{strategy}': observation #{observation.Sequence} has a non-finite value for objective '{name}': {value}");
                }

                cost[j] = objectives[j].Direction == ObjectiveDirection.Minimize ? value : -value;
            }

            inputs.Add(ObjectiveData.ToUnit(request, observation.Parameters, strategy, $"observation #{observation.Sequence}"));
            costs.Add(cost);
        }

        return new MultiObjectiveData { Objectives = objectives, Inputs = inputs, Costs = costs };
    }
}
