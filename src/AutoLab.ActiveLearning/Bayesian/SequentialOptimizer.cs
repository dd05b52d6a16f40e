using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Bayesian;

/// <summary>
/// A synchronous loop on top of ask-tell for library users, tests and benchmarks: ask a strategy for a
/// batch, evaluate it, append the observations, repeat.
/// </summary>
/// <remarks>Each round builds a full <see cref="SuggestionRequest"/> exactly as the suggestion service receives it, so the loop exercises the same code as a campaign.</remarks>
public static class SequentialOptimizer
{
    /// <summary>Name of the objective in the requests the loop builds.</summary>
    public const string ObjectiveName = "f";

    /// <summary>Minimises a function over the unit cube with a strategy.</summary>
    /// <param name="strategy">The strategy (e.g. <see cref="BayesianOptimizationStrategy"/>).</param>
    /// <param name="objective">f(x) for x in [0, 1]^d.</param>
    /// <param name="dimension">d.</param>
    /// <param name="evaluations">Total evaluations.</param>
    /// <param name="seed">Campaign seed.</param>
    /// <param name="options">Strategy options.</param>
    /// <param name="batch">Points per request.</param>
    /// <returns>Every point and value.</returns>
    public static SequentialRun Minimize(
        ISuggestionStrategy strategy,
        Func<double[], double> objective,
        int dimension,
        int evaluations,
        long seed,
        IReadOnlyDictionary<string, string>? options = null,
        int batch = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        SearchSpace space = new([.. Enumerable.Range(0, dimension).Select(i => new ParameterDefinition
        {
            Name = $"x{i}",
            Kind = ParameterKind.Continuous,
            Lower = 0.0,
            Upper = 1.0,
        })]);
        ObjectiveDefinition[] objectives = [new() { Name = ObjectiveName, Direction = ObjectiveDirection.Minimize }];
        List<Observation> history = [];
        List<double[]> points = [];
        List<double> values = [];
        StrategyOptions strategyOptions = new(options);
        while (values.Count < evaluations)
        {
            SuggestionRequest request = new()
            {
                Space = space,
                Objectives = objectives,
                History = history,
                SuggestedSoFar = values.Count,
                Count = Math.Min(batch, evaluations - values.Count),
                Seed = seed,
                Budget = evaluations,
                Options = strategyOptions,
            };
            foreach (ParameterPoint point in strategy.Suggest(request))
            {
                double[] unit = space.ToUnit(point);
                double value = objective(unit);
                points.Add(unit);
                values.Add(value);
                history.Add(new Observation
                {
                    ExperimentId = Guid.Empty,
                    Sequence = values.Count,
                    Parameters = point,
                    Objectives = new Dictionary<string, double> { [ObjectiveName] = value },
                });
            }
        }

        return new SequentialRun { Points = points, Values = values };
    }
}
