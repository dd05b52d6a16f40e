using AutoLab.ActiveLearning;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Campaigns;

/// <summary>
/// Drives a suggestion strategy against a function in batches, as the campaign saga does on the bus but
/// without it: the same <see cref="SuggestionRequest"/> (history, suggestions so far, seed, budget), the
/// same 1-based sequence numbers, so a strategy sees exactly what it would see in a campaign whose
/// batches complete in order.
/// </summary>
/// <remarks>
/// Used where tracking makes the full engine too slow to repeat over several seeds; the engine adds
/// journaling and messaging around the same calls, not different suggestions.
/// <seealso cref="DynamicApertureBenchmark"/>
/// </remarks>
public static class AskTellCampaign
{
    /// <summary>Runs one campaign to its budget.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <param name="options">Its options, as a spec's <c>strategy.options</c>.</param>
    /// <param name="space">The search space.</param>
    /// <param name="objectives">The objectives with their directions.</param>
    /// <param name="budget">Experiments in total.</param>
    /// <param name="batchSize">Suggestions asked for at a time (a generation for the genetic strategies).</param>
    /// <param name="seed">The campaign seed.</param>
    /// <param name="measure">Readings of a point; objectives are read by their names from it.</param>
    /// <param name="constraints">Linear constraints every suggestion must satisfy (a composition simplex), or null for none.</param>
    /// <returns>The observations in sequence order.</returns>
    /// <exception cref="SuggestionException">The strategy refused a request.</exception>
    public static IReadOnlyList<Observation> Run(
        ISuggestionStrategy strategy,
        IReadOnlyDictionary<string, string> options,
        IReadOnlyList<ParameterDefinition> space,
        IReadOnlyList<ObjectiveDefinition> objectives,
        int budget,
        int batchSize,
        long seed,
        Func<ParameterPoint, IReadOnlyDictionary<string, double>> measure,
        IReadOnlyList<LinearConstraint>? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var searchSpace = new SearchSpace(space);
        var strategyOptions = new StrategyOptions(options);
        ConstraintSet constraintSet = constraints is { Count: > 0 } ? new ConstraintSet(constraints, searchSpace) : ConstraintSet.None;
        List<Observation> history = [];
        while (history.Count < budget)
        {
            var request = new SuggestionRequest
            {
                Space = searchSpace,
                Constraints = constraintSet,
                Objectives = objectives,
                History = [.. history],
                SuggestedSoFar = history.Count,
                Count = Math.Min(batchSize, budget - history.Count),
                Seed = seed,
                Budget = budget,
                Options = strategyOptions,
            };
            IReadOnlyList<ParameterPoint> points = strategy.Suggest(request);
            if (points.Count == 0)
            {
                break;
            }

            foreach (ParameterPoint point in points)
            {
                IReadOnlyDictionary<string, double> readings = measure(point);
                history.Add(new Observation
                {
                    ExperimentId = Guid.NewGuid(),
                    Sequence = history.Count + 1,
                    Parameters = point,
                    Objectives = objectives.ToDictionary(o => o.Name, o => readings[o.Name], StringComparer.Ordinal),
                });
            }
        }

        return history;
    }
}
