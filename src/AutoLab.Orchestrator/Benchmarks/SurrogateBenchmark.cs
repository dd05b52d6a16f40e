using System.Diagnostics;
using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.Genetic.Strategies;
using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.MultiObjectiveBayesian;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.ActiveLearning.TrustRegion;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Benchmarks;

/// <summary>
/// Small-budget figures for the surrogate strategies that have no peer in this repository: "parego" and "ehvi"
/// on ZDT1 beside "nsga2" at the same number of evaluations, and "turbo" on 20-dimensional Ackley beside
/// "random" and "bo".
/// </summary>
/// <remarks>
/// Every strategy runs through the same ask-tell loop a campaign uses (one request per batch, the history
/// growing), so the figures include the strategies' own design phases. Medians over seeds 1…k.
/// </remarks>
public static class SurrogateBenchmark
{
    /// <summary>ZDT1 dimension of the multi-objective comparison (small, as a beamtime-sized problem).</summary>
    public const int Zdt1Dimension = 3;

    /// <summary>Evaluations each multi-objective strategy gets.</summary>
    public const int Zdt1Evaluations = 40;

    /// <summary>Dimension of the Ackley comparison.</summary>
    public const int AckleyDimension = 20;

    /// <summary>Evaluations each single-objective strategy gets on Ackley.</summary>
    public const int AckleyEvaluations = 100;

    private static readonly double[] Zdt1Reference = [11.0, 11.0];

    /// <summary>Hypervolume at (11, 11) after <see cref="Zdt1Evaluations"/> evaluations of ZDT1 (d = 3): parego and ehvi (10 Sobol points, then one point per request) beside nsga2 (population 8, 5 generations).</summary>
    /// <param name="seeds">Seeds 1…k.</param>
    /// <returns>One figure per strategy.</returns>
    public static IReadOnlyList<StrategyFigure> MultiObjective(int seeds)
    {
        Zdt1 problem = new(Zdt1Dimension);
        Dictionary<string, string> design = new() { ["initial_points"] = "10" };
        return
        [
            Measure("parego", seeds, s => Hypervolume.Compute(MultiObjectiveLoop.Run(new ParEgoStrategy(), problem, Zdt1Evaluations, s, design, 1), Zdt1Reference)),
            Measure("ehvi", seeds, s => Hypervolume.Compute(MultiObjectiveLoop.Run(new ExpectedHypervolumeImprovementStrategy(), problem, Zdt1Evaluations, s, design, 1), Zdt1Reference)),
            Measure("nsga2", seeds, s => Hypervolume.Compute(MultiObjectiveLoop.Run(new Nsga2Strategy(), problem, Zdt1Evaluations, s, new Dictionary<string, string> { [GeneticStrategy.PopulationOption] = "8" }, 8), Zdt1Reference)),
        ];
    }

    /// <summary>Best Ackley value (simple regret: the minimum is 0) after <see cref="AckleyEvaluations"/> evaluations on [−5, 10]²⁰: turbo (20 design points, batches of 4), bo (20 design points, no final exploitation) and random.</summary>
    /// <param name="seeds">Seeds 1…k.</param>
    /// <returns>One figure per strategy.</returns>
    public static IReadOnlyList<StrategyFigure> Ackley20(int seeds)
    {
        Ackley ackley = new(AckleyDimension);
        double Objective(double[] unit) => ackley.Value([.. unit.Select(u => -5.0 + (15.0 * u))]);
        Dictionary<string, string> design = new() { ["initial_points"] = "20" };
        return
        [
            Measure("turbo", seeds, s => SequentialOptimizer.Minimize(new TurboStrategy(), Objective, AckleyDimension, AckleyEvaluations, s, design, 4).BestValue),
            Measure("bo", seeds, s => SequentialOptimizer.Minimize(new BayesianOptimizationStrategy(), Objective, AckleyDimension, AckleyEvaluations, s, new Dictionary<string, string>(design) { ["exploit_final"] = "0" }).BestValue),
            Measure("random", seeds, s => SequentialOptimizer.Minimize(new RandomStrategy(), Objective, AckleyDimension, AckleyEvaluations, s).BestValue),
        ];
    }

    private static StrategyFigure Measure(string strategy, int seeds, Func<long, double> run)
    {
        Stopwatch watch = Stopwatch.StartNew();
        double[] values = [.. Enumerable.Range(1, seeds).Select(s => run(s))];
        double[] sorted = [.. values.Order()];
        double median = seeds % 2 == 1 ? sorted[seeds / 2] : 0.5 * (sorted[(seeds / 2) - 1] + sorted[seeds / 2]);
        return new StrategyFigure(strategy, median, values, watch.Elapsed.TotalSeconds);
    }

    /// <summary>One strategy's figure: the median over seeds, each seed's value (seed 1 first) and the wall time of all runs.</summary>
    /// <param name="Strategy">Registered name.</param>
    /// <param name="Median">Median over seeds (hypervolume, or best value).</param>
    /// <param name="Values">Per seed.</param>
    /// <param name="Seconds">Wall time of all seeds, s.</param>
    public sealed record StrategyFigure(string Strategy, double Median, IReadOnlyList<double> Values, double Seconds);
}
