using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Bayesian;

/// <summary>
/// "bo" finds Branin's optimum on a small budget, is deterministic, spreads batches around pending
/// points, respects constraints, and refuses nonsense with a message that says what is wrong.
/// </summary>
public class BayesianOptimizationStrategyTests
{
    /// <summary>Branin regret after 25 evaluations; the benchmark's median over 10 seeds is far below (docs/benchmarks.md).</summary>
    private const double BraninRegretTolerance = 1e-2;

    private static readonly BayesianOptimizationStrategy Strategy = new();
    private static readonly ObjectiveDefinition[] Minimise = [new() { Name = "y", Direction = ObjectiveDirection.Minimize }];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Branin_optimum_is_found_within_25_evaluations(long seed)
    {
        Branin problem = new();

        SequentialRun run = SequentialOptimizer.Minimize(
            Strategy, u => problem.Value([-5.0 + (15.0 * u[0]), 15.0 * u[1]]), 2, 25, seed, new Dictionary<string, string> { ["initial_points"] = "6" });

        Assert.True(run.BestValue - problem.MinimumValue <= BraninRegretTolerance, $"regret {run.BestValue - problem.MinimumValue} after 25 evaluations");
    }

    [Fact]
    public void The_same_request_gives_the_same_suggestions()
    {
        SuggestionRequest request = BraninRequest(count: 3, seed: 11);

        double[][] first = Units(request.Space, Strategy.Suggest(request));
        double[][] second = Units(request.Space, Strategy.Suggest(request));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Pending_points_change_the_batch()
    {
        SuggestionRequest request = BraninRequest(count: 1, seed: 3);
        ParameterPoint alone = Strategy.Suggest(request)[0];

        ParameterPoint withPending = Strategy.Suggest(request with { Pending = [alone] })[0];

        double distance = Distance(request.Space.ToUnit(alone), request.Space.ToUnit(withPending));
        Assert.True(distance > 0.02, $"with the first choice pending, the next point should move away from it; moved {distance} in the unit square");
    }

    [Fact]
    public void A_batch_of_four_holds_four_distinct_points()
    {
        SuggestionRequest request = BraninRequest(count: 4, seed: 5);

        double[][] points = Units(request.Space, Strategy.Suggest(request));

        Assert.Equal(4, points.Length);
        for (int i = 0; i < points.Length; i++)
        {
            for (int j = i + 1; j < points.Length; j++)
            {
                Assert.True(Distance(points[i], points[j]) > 1e-3, $"points {i} and {j} coincide");
            }
        }
    }

    [Fact]
    public void Suggestions_satisfy_linear_constraints()
    {
        LinearConstraint[] constraints = [new() { Coefficients = new Dictionary<string, double> { ["x1"] = 1, ["x2"] = 1 }, UpperBound = 5, Label = "x1 + x2 at most 5" }];
        SuggestionRequest request = BraninRequest(count: 3, seed: 2) is var r ? r with { Constraints = new ConstraintSet(constraints, r.Space) } : null!;

        IReadOnlyList<ParameterPoint> points = Strategy.Suggest(request);

        Assert.All(points, p => Assert.True(p.Values["x1"] + p.Values["x2"] <= 5, $"({p.Values["x1"]}, {p.Values["x2"]}) breaks x1 + x2 ≤ 5"));
    }

    [Fact]
    public void The_initial_design_is_the_scrambled_sobol_sequence()
    {
        SearchSpace space = Branin();
        SuggestionRequest request = Request(space, 4) with { Objectives = Minimise };

        IReadOnlyList<ParameterPoint> points = Strategy.Suggest(request);
        IReadOnlyList<ParameterPoint> sobol = new SobolStrategy().Suggest(request);

        Assert.Equal(Units(space, sobol), Units(space, points));
    }

    [Fact]
    public void A_nan_objective_is_refused_with_the_observation_named()
    {
        SuggestionRequest request = BraninRequest(count: 1, seed: 1);
        Observation broken = request.History[2] with { Objectives = new Dictionary<string, double> { ["y"] = double.NaN } };
        List<Observation> history = [.. request.History];
        history[2] = broken;

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request with { History = history }));

        Assert.Contains($"observation #{broken.Sequence}", error.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inverted_bounds_and_an_empty_space_are_refused_clearly()
    {
        SuggestionException inverted = Assert.Throws<SuggestionException>(() => new SearchSpace([Continuous("x", 1.0, 0.0)]));
        SuggestionException empty = Assert.Throws<SuggestionException>(() => new SearchSpace([]));

        Assert.Contains("'x'", inverted.Message, StringComparison.Ordinal);
        Assert.Contains("invalid search space", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_and_faulted_experiments_do_not_break_the_fit()
    {
        SuggestionRequest request = BraninRequest(count: 2, seed: 8);
        Observation repeat = request.History[0] with { Sequence = 9 };
        Observation faulted = request.History[1] with { Sequence = 10, Succeeded = false, Objectives = new Dictionary<string, double>() };

        IReadOnlyList<ParameterPoint> points = Strategy.Suggest(request with { History = [.. request.History, repeat, faulted] });

        Assert.Equal(2, points.Count);
    }

    [Fact]
    public void A_mixed_space_gets_whole_integers_and_listed_choices()
    {
        SearchSpace space = Mixed();
        SobolStrategyHistory(space, 8, 2, out List<Observation> history, p => (p.Values["temperature"] / 100.0) + p.Values["cycles"] + (p.Choices["solvent"] == "water" ? 1.0 : 0.0));
        SuggestionRequest request = Request(space, 3, suggestedSoFar: 8, seed: 2) with { Objectives = Minimise, History = history };

        IReadOnlyList<ParameterPoint> points = Strategy.Suggest(request);

        Assert.Equal(3, points.Count);
        Assert.All(points, p =>
        {
            Assert.InRange(p.Values["temperature"], 300, 900);
            Assert.Equal(Math.Round(p.Values["cycles"]), p.Values["cycles"]);
            Assert.Contains(p.Choices["solvent"], new[] { "water", "ethanol", "toluene" });
        });
    }

    [Fact]
    public void Several_objectives_without_a_choice_are_refused()
    {
        SuggestionRequest request = BraninRequest(count: 1, seed: 1) with
        {
            Objectives = [.. Minimise, new ObjectiveDefinition { Name = "cost", Direction = ObjectiveDirection.Minimize }],
        };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request));

        Assert.Contains("option 'objective'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_acquisition_is_refused_with_the_choices()
    {
        SuggestionRequest request = BraninRequest(count: 1, seed: 1) with { Options = new StrategyOptions(new Dictionary<string, string> { ["acquisition"] = "qnehvi" }) };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request));

        Assert.Contains("ei, pi, ucb, variance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_beta_is_refused()
    {
        SuggestionRequest request = BraninRequest(count: 1, seed: 1) with { Options = new StrategyOptions(new Dictionary<string, string> { ["acquisition"] = "ucb", ["beta"] = "-1" }) };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request));

        Assert.Contains("'beta'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_evaluations_of_the_budget_exploit_the_posterior_mean()
    {
        // With one evaluation of 9 left, EI gives way to maximising the mean: UCB with β = 0.
        SuggestionRequest lastOfBudget = BraninRequest(count: 1, seed: 6) with { Budget = 9 };
        SuggestionRequest meanOnly = lastOfBudget with
        {
            Budget = 0,
            Options = new StrategyOptions(new Dictionary<string, string> { ["acquisition"] = "ucb", ["beta"] = "0" }),
        };
        SuggestionRequest middleOfBudget = lastOfBudget with { Budget = 100 };

        double[] exploiting = lastOfBudget.Space.ToUnit(Strategy.Suggest(lastOfBudget)[0]);

        Assert.Equal(lastOfBudget.Space.ToUnit(Strategy.Suggest(meanOnly)[0]), exploiting);
        Assert.NotEqual(lastOfBudget.Space.ToUnit(Strategy.Suggest(middleOfBudget)[0]), exploiting);
    }

    [Theory]
    [InlineData("ei")]
    [InlineData("pi")]
    [InlineData("ucb")]
    [InlineData("variance")]
    public void Every_acquisition_suggests_a_point_inside_the_space(string acquisition)
    {
        SuggestionRequest request = BraninRequest(count: 2, seed: 4) with { Options = new StrategyOptions(new Dictionary<string, string> { ["acquisition"] = acquisition }) };

        IReadOnlyList<ParameterPoint> points = Strategy.Suggest(request);

        Assert.Equal(2, points.Count);
        Assert.All(points, p =>
        {
            Assert.InRange(p.Values["x1"], -5.0, 10.0);
            Assert.InRange(p.Values["x2"], 0.0, 15.0);
        });
    }

    internal static SuggestionRequest BraninRequest(int count, long seed)
    {
        SearchSpace space = Branin();
        Branin problem = new();
        SobolStrategyHistory(space, 8, seed, out List<Observation> history, p => problem.Value([p.Values["x1"], p.Values["x2"]]));
        return Request(space, count, suggestedSoFar: history.Count, seed: seed) with { Objectives = Minimise, History = history };
    }

    internal static void SobolStrategyHistory(SearchSpace space, int n, long seed, out List<Observation> history, Func<ParameterPoint, double> objective)
    {
        IReadOnlyList<ParameterPoint> points = new SobolStrategy().Suggest(Request(space, n, seed: seed));
        history = [.. points.Select((p, i) => new Observation
        {
            ExperimentId = Guid.Empty,
            Sequence = i + 1,
            Parameters = p,
            Objectives = new Dictionary<string, double> { ["y"] = objective(p) },
        })];
    }

    private static double[][] Units(SearchSpace space, IEnumerable<ParameterPoint> points) => [.. points.Select(space.ToUnit)];

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
