using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.ActiveLearning.TrustRegion;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.TrustRegion;

/// <summary>
/// "turbo" beats random search on a 20-dimensional Ackley function with a test-sized budget, is
/// deterministic, stays inside the space, moves away from pending points, and refuses NaN objectives clearly.
/// </summary>
public class TurboStrategyTests(ITestOutputHelper output)
{
    private const int Dimension = 20;
    private const int InitialPoints = 20;
    private const int Evaluations = 60;
    private const int Batch = 4;

    private static readonly TurboStrategy Strategy = new();
    private static readonly ObjectiveDefinition[] Minimise = [new() { Name = "y", Direction = ObjectiveDirection.Minimize }];

    private static readonly Dictionary<string, string> AckleyOptions = new()
    {
        ["initial_points"] = $"{InitialPoints}",
        ["batch_size"] = $"{Batch}",
    };

    /// <summary>Ackley on [−5, 10]^20, the domain of the TuRBO paper's Ackley runs, from unit-cube inputs.</summary>
    private static double Ackley20(double[] unit)
    {
        Ackley ackley = new(Dimension);
        return ackley.Value([.. unit.Select(u => -5.0 + (15.0 * u))]);
    }

    [Fact]
    public void Median_best_on_20_dimensional_ackley_beats_random_search_with_the_same_budget()
    {
        long[] seeds = [1, 2, 3];
        double[] turbo = [.. seeds.Select(s => SequentialOptimizer.Minimize(Strategy, Ackley20, Dimension, Evaluations, s, AckleyOptions, Batch).BestValue)];
        double[] random = [.. seeds.Select(s => SequentialOptimizer.Minimize(new RandomStrategy(), Ackley20, Dimension, Evaluations, s).BestValue)];

        double turboMedian = Median(turbo);
        double randomMedian = Median(random);
        output.WriteLine($"turbo {string.Join(", ", turbo)}; random {string.Join(", ", random)}");

        Assert.True(turboMedian < randomMedian, $"median best after {Evaluations} evaluations: turbo {turboMedian} ({string.Join(", ", turbo)}), random {randomMedian} ({string.Join(", ", random)})");
    }

    [Fact]
    public void The_same_request_gives_the_same_suggestions()
    {
        SuggestionRequest request = AckleyRequest(historySize: 24, count: 3, seed: 7);

        double[][] first = Units(request, Strategy.Suggest(request));
        double[][] second = Units(request, Strategy.Suggest(request));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Suggestions_stay_within_the_bounds()
    {
        SearchSpace space = new([.. Enumerable.Range(0, 12).Select(i => Continuous($"x{i}", -3.0, 7.0 + i))]);
        SuggestionRequest request = RequestWithHistory(space, 30, 8, seed: 5, new Dictionary<string, string> { ["initial_points"] = "26" });

        IReadOnlyList<ParameterPoint> points = Strategy.Suggest(request);

        Assert.Equal(8, points.Count);
        foreach (ParameterPoint point in points)
        {
            foreach (ParameterDefinition parameter in space.Parameters)
            {
                double value = point.Values[parameter.Name];
                Assert.InRange(value, parameter.Lower, parameter.Upper);
            }
        }
    }

    [Fact]
    public void Pending_points_change_the_batch()
    {
        SuggestionRequest request = AckleyRequest(historySize: 24, count: 1, seed: 3);
        ParameterPoint alone = Strategy.Suggest(request)[0];

        ParameterPoint withPending = Strategy.Suggest(request with { Pending = [alone] })[0];

        Assert.NotEqual(request.Space.ToUnit(alone), request.Space.ToUnit(withPending));
    }

    [Fact]
    public void A_nan_objective_is_refused_with_the_observation_named()
    {
        SuggestionRequest request = AckleyRequest(historySize: 24, count: 1, seed: 1);
        List<Observation> history = [.. request.History];
        history[5] = history[5] with { Objectives = new Dictionary<string, double> { ["y"] = double.NaN } };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request with { History = history }));

        Assert.Contains($"observation #{history[5].Sequence}", error.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restart_begins_a_new_design_instead_of_repeating_the_first()
    {
        // Four design points, then seven batches without improvement halve L from 0.8 below 0.5^7.
        Dictionary<string, string> options = new() { ["initial_points"] = "4", ["failure_tolerance"] = "1" };
        SuggestionRequest fresh = RequestWithHistory(UnitCube(3), 0, 2, seed: 9, options);
        List<Observation> history = [.. RequestWithHistory(UnitCube(3), 11, 2, seed: 9, options).History];
        for (int i = 4; i < history.Count; i++)
        {
            history[i] = history[i] with { Objectives = new Dictionary<string, double> { ["y"] = 100.0 } };
        }

        double[][] first = Units(fresh, Strategy.Suggest(fresh));
        double[][] afterRestart = Units(fresh, Strategy.Suggest(fresh with { History = history, SuggestedSoFar = history.Count }));

        Assert.Equal(2, afterRestart.Length);
        Assert.NotEqual(first[0], afterRestart[0]);
        Assert.Equal(1, TrustRegionState.Replay([.. history.Select(o => -o.Objectives["y"])], TurboSettings.Read(fresh, "turbo")).Restarts);
    }

    [Fact]
    public void The_box_is_stretched_by_the_normalised_length_scales()
    {
        (double[] lower, double[] upper) = TurboStrategy.Box([0.5, 0.5], [0.1, 0.4], 0.4);

        // Weights 0.1/0.2 = 0.5 and 0.4/0.2 = 2 (geometric mean 0.2): sides 0.2 and 0.8.
        Assert.Equal(0.2, upper[0] - lower[0], 1e-12);
        Assert.Equal(0.8, upper[1] - lower[1], 1e-12);
    }

    [Fact]
    public void The_strategy_is_registered_as_turbo()
    {
        using ServiceProvider provider = new ServiceCollection().AddAutoLabActiveLearning().BuildServiceProvider();

        Assert.IsType<TurboStrategy>(provider.GetRequiredService<StrategyRegistry>().Get("turbo"));
    }

    private static SuggestionRequest AckleyRequest(int historySize, int count, long seed) =>
        RequestWithHistory(UnitCube(Dimension), historySize, count, seed, AckleyOptions);

    /// <summary>A request whose history is Ackley at Sobol-like pseudo-random points of the space.</summary>
    private static SuggestionRequest RequestWithHistory(SearchSpace space, int historySize, int count, long seed, Dictionary<string, string> options)
    {
        List<Observation> history = [];
        for (int i = 0; i < historySize; i++)
        {
            SplitMix64 random = SplitMix64.ForStream(seed, i);
            double[] unit = [.. Enumerable.Range(0, space.Dimension).Select(_ => random.NextDouble())];
            history.Add(new Observation
            {
                ExperimentId = Guid.Empty,
                Sequence = i + 1,
                Parameters = space.FromUnit(unit),
                Objectives = new Dictionary<string, double> { ["y"] = new Ackley(space.Dimension).Value([.. unit.Select(u => -5.0 + (15.0 * u))]) },
            });
        }

        return Request(space, count, suggestedSoFar: historySize, seed: seed, options: options) with { Objectives = Minimise, History = history };
    }

    private static double[][] Units(SuggestionRequest request, IReadOnlyList<ParameterPoint> points) =>
        [.. points.Select(request.Space.ToUnit)];

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }
}
