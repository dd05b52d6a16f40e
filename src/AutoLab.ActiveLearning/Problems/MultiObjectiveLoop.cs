using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Problems;

/// <summary>An ask-tell loop over a multi-objective benchmark problem, built like SequentialOptimizer: each round is the request a campaign would send.</summary>
/// <remarks>Used by the tests of the multi-objective strategies and by <c>autolab bench optimizers</c>, so both measure the same loop.</remarks>
public static class MultiObjectiveLoop
{
    /// <summary>Runs a strategy for a number of evaluations and returns every objective vector (minimised, as the problem defines them).</summary>
    /// <param name="strategy">The strategy under test.</param>
    /// <param name="problem">The benchmark problem; its variables are named x0, x1, … and its objectives f1, f2, ….</param>
    /// <param name="evaluations">How many points to evaluate.</param>
    /// <param name="seed">The seed of every request.</param>
    /// <param name="options">The strategy's options, as a campaign spec gives them.</param>
    /// <param name="batch">Points asked for per request.</param>
    /// <returns>The objective vectors in evaluation order.</returns>
    public static List<double[]> Run(ISuggestionStrategy strategy, MultiObjectiveProblem problem, int evaluations, long seed, IReadOnlyDictionary<string, string>? options = null, int batch = 1)
    {
        SearchSpace space = new([.. Enumerable.Range(0, problem.Dimension).Select(i => new ParameterDefinition
        {
            Name = $"x{i}",
            Kind = ParameterKind.Continuous,
            Lower = problem.Lower[i],
            Upper = problem.Upper[i],
        })]);
        ObjectiveDefinition[] objectives = [.. Enumerable.Range(0, problem.ObjectiveCount).Select(j => new ObjectiveDefinition { Name = $"f{j + 1}", Direction = ObjectiveDirection.Minimize })];
        List<Observation> history = [];
        List<double[]> values = [];
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
                double[] x = [.. Enumerable.Range(0, problem.Dimension).Select(i => point.Values[$"x{i}"])];
                double[] f = new double[problem.ObjectiveCount];
                problem.Evaluate(x, f, []);
                values.Add(f);
                history.Add(new Observation
                {
                    ExperimentId = Guid.Empty,
                    Sequence = values.Count,
                    Parameters = point,
                    Objectives = objectives.Select((o, j) => (o.Name, f[j])).ToDictionary(p => p.Name, p => p.Item2),
                });
            }
        }

        return values;
    }
}
