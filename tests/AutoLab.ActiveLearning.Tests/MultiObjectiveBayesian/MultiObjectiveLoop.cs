using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Tests.MultiObjectiveBayesian;

/// <summary>An ask-tell loop over a multi-objective benchmark problem, built like SequentialOptimizer: each round is the request a campaign would send.</summary>
internal static class MultiObjectiveLoop
{
    /// <summary>Runs a strategy for a number of evaluations and returns every objective vector (minimised, as the problem defines them).</summary>
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
