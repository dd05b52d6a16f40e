using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Strategies;

/// <summary>
/// What every baseline strategy promises: determinism per seed, the same sequence however a campaign
/// batches its requests, points inside the space, and constraints respected or refused clearly.
/// </summary>
public class StrategyContractTests
{
    public static TheoryData<string> Strategies => [RandomStrategy.StrategyName, SobolStrategy.StrategyName, LatinHypercubeStrategy.StrategyName];

    private static readonly StrategyRegistry Registry = StrategyRegistry.CreateDefault();

    private static IReadOnlyList<ParameterPoint> Suggest(string strategy, SuggestionRequest request) =>
        Registry.Get(strategy).Suggest(request with { Budget = request.Budget == 0 ? 16 : request.Budget });

    private static double[][] Units(SearchSpace space, IEnumerable<ParameterPoint> points) => [.. points.Select(space.ToUnit)];

    [Theory]
    [MemberData(nameof(Strategies))]
    public void The_same_seed_gives_the_same_points(string strategy)
    {
        SearchSpace space = Mixed();

        IReadOnlyList<ParameterPoint> first = Suggest(strategy, Request(space, 8, seed: 1));
        IReadOnlyList<ParameterPoint> second = Suggest(strategy, Request(space, 8, seed: 1));

        Assert.Equal(Units(space, first), Units(space, second));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void A_different_seed_gives_different_points(string strategy)
    {
        SearchSpace space = Branin();

        IReadOnlyList<ParameterPoint> first = Suggest(strategy, Request(space, 8, seed: 1));
        IReadOnlyList<ParameterPoint> second = Suggest(strategy, Request(space, 8, seed: 2));

        Assert.NotEqual(Units(space, first), Units(space, second));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Two_batches_of_four_equal_one_batch_of_eight(string strategy)
    {
        SearchSpace space = Mixed();

        IReadOnlyList<ParameterPoint> eight = Suggest(strategy, Request(space, 8));
        IReadOnlyList<ParameterPoint> firstFour = Suggest(strategy, Request(space, 4, suggestedSoFar: 0));
        IReadOnlyList<ParameterPoint> nextFour = Suggest(strategy, Request(space, 4, suggestedSoFar: 4));

        Assert.Equal(Units(space, eight), Units(space, [.. firstFour, .. nextFour]));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Batching_is_invariant_under_constraints_too(string strategy)
    {
        SearchSpace space = UnitCube(2);
        LinearConstraint[] constraints = [new() { Coefficients = new Dictionary<string, double> { ["x0"] = 1, ["x1"] = 1 }, UpperBound = 0.8 }];

        IReadOnlyList<ParameterPoint> eight = Suggest(strategy, Request(space, 8, constraints: constraints));
        IReadOnlyList<ParameterPoint> three = Suggest(strategy, Request(space, 3, constraints: constraints));
        IReadOnlyList<ParameterPoint> five = Suggest(strategy, Request(space, 5, suggestedSoFar: 3, constraints: constraints));

        Assert.Equal(Units(space, eight), Units(space, [.. three, .. five]));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Points_lie_in_the_space_with_whole_integers_and_listed_choices(string strategy)
    {
        SearchSpace space = Mixed();

        IReadOnlyList<ParameterPoint> points = Suggest(strategy, Request(space, 64, budget: 64));

        Assert.Equal(64, points.Count);
        Assert.All(points, p =>
        {
            Assert.InRange(p.Values["temperature"], 300, 900);
            Assert.InRange(p.Values["cycles"], 1, 8);
            Assert.Equal(Math.Round(p.Values["cycles"]), p.Values["cycles"]);
            Assert.Contains(p.Choices["solvent"], new[] { "water", "ethanol", "toluene" });
        });
        Assert.Equal(3, points.Select(p => p.Choices["solvent"]).Distinct().Count());
        Assert.Equal(8, points.Select(p => p.Values["cycles"]).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Every_point_satisfies_the_constraints(string strategy)
    {
        SearchSpace space = new([Continuous("a", 0, 1), Continuous("b", 0, 1), Continuous("c", 0, 1)]);
        LinearConstraint[] constraints =
        [
            new() { Coefficients = new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 1 }, UpperBound = 1, Label = "fractions sum to at most 1" },
            new() { Coefficients = new Dictionary<string, double> { ["a"] = -1 }, UpperBound = -0.1, Label = "a at least 0.1" },
        ];

        IReadOnlyList<ParameterPoint> points = Suggest(strategy, Request(space, 50, constraints: constraints, budget: 50));

        Assert.Equal(50, points.Count);
        Assert.All(points, p =>
        {
            Assert.True(p.Values["a"] + p.Values["b"] + p.Values["c"] <= 1, "sum at most 1");
            Assert.True(p.Values["a"] >= 0.1, "a at least 0.1");
        });
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Infeasible_constraints_fail_with_the_constraint_named(string strategy)
    {
        SearchSpace space = UnitCube(2);
        LinearConstraint[] constraints =
        [
            new() { Coefficients = new Dictionary<string, double> { ["x0"] = 1 }, UpperBound = 2, Label = "easy" },
            new() { Coefficients = new Dictionary<string, double> { ["x0"] = 1, ["x1"] = 1 }, UpperBound = -1, Label = "sum below -1" },
        ];
        SuggestionRequest request = Request(space, 2, constraints: constraints, options: new Dictionary<string, string> { ["max_draws"] = "500" });

        SuggestionException error = Assert.Throws<SuggestionException>(() => Suggest(strategy, request));

        Assert.Equal("constraints look infeasible: 500 draws, none satisfied 'sum below -1'", error.Message);
    }

    [Fact]
    public void Constraints_that_hold_separately_but_never_together_are_all_named()
    {
        SearchSpace space = UnitCube(1);
        LinearConstraint[] constraints =
        [
            new() { Coefficients = new Dictionary<string, double> { ["x0"] = 1 }, UpperBound = 0.4, Label = "low" },
            new() { Coefficients = new Dictionary<string, double> { ["x0"] = -1 }, UpperBound = -0.6, Label = "high" },
        ];

        SuggestionException error = Assert.Throws<SuggestionException>(() => Suggest("random", Request(space, 1, constraints: constraints)));

        Assert.Equal("constraints look infeasible: 10000 draws, none satisfied all of 'low', 'high' together", error.Message);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void A_misspelt_option_is_refused_with_the_known_options_listed(string strategy)
    {
        SuggestionRequest request = Request(Branin(), 1, options: new Dictionary<string, string> { ["max_draw"] = "5" });

        SuggestionException error = Assert.Throws<SuggestionException>(() => Suggest(strategy, request));

        Assert.StartsWith($"unknown option 'max_draw' for strategy '{strategy}'; known options: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("max_draws", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Asking_for_none_gives_none(string strategy)
    {
        Assert.Empty(Suggest(strategy, Request(Branin(), 0)));
    }
}
