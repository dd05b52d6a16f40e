using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Bayesian;

/// <summary>Black-box (outcome) constraints: "bo" weighs EI by the modelled probability of feasibility and finds the constrained optimum.</summary>
public class OutcomeConstraintTests
{
    /// <summary>Regret of the best feasible point against Branin's minimum at (3π, 2.475); loose because the constraint boundary must be learnt too.</summary>
    private const double ConstrainedRegretTolerance = 1e-2;

    private static readonly BayesianOptimizationStrategy Strategy = new();

    [Fact]
    public void Branin_with_a_measured_constraint_finds_the_feasible_minimum()
    {
        // c = x1 is "measured" with the objective; c ≥ 6 leaves only the minimiser (3π, 2.475) of the three.
        SearchSpace space = Branin();
        Branin problem = new();
        ObjectiveDefinition[] objectives = [new() { Name = "y", Direction = ObjectiveDirection.Minimize }];
        Dictionary<string, string> options = new() { ["initial_points"] = "6", [OutcomeConstraint.AtLeastPrefix + "c"] = "6" };
        List<Observation> history = [];
        for (int evaluation = 0; evaluation < 25; evaluation++)
        {
            SuggestionRequest request = Request(space, 1, suggestedSoFar: evaluation, seed: 4, budget: 25, options: options) with { Objectives = objectives, History = history };
            ParameterPoint point = Strategy.Suggest(request)[0];
            double x1 = point.Values["x1"];
            history.Add(new Observation
            {
                ExperimentId = Guid.Empty,
                Sequence = evaluation + 1,
                Parameters = point,
                Objectives = new Dictionary<string, double> { ["y"] = problem.Value([x1, point.Values["x2"]]), ["c"] = x1 },
            });
        }

        Observation best = history.Where(o => o.Objectives["c"] >= 6).MinBy(o => o.Objectives["y"])!;
        Assert.True(best.Objectives["y"] - problem.MinimumValue <= ConstrainedRegretTolerance, $"best feasible value {best.Objectives["y"]} at x1 = {best.Parameters.Values["x1"]}");
        Assert.True(history.Skip(6).Count(o => o.Objectives["c"] >= 6) >= 15, "after the design nearly every suggestion should be feasible");
    }

    [Fact]
    public void Outcome_constraints_with_ucb_are_refused()
    {
        SuggestionRequest request = BayesianOptimizationStrategyTests.BraninRequest(1, 1) with
        {
            Options = new StrategyOptions(new Dictionary<string, string> { ["acquisition"] = "ucb", [OutcomeConstraint.AtMostPrefix + "y"] = "10" }),
        };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request));

        Assert.Contains("need acquisition ei or pi", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constrained_value_missing_from_an_observation_is_named()
    {
        SuggestionRequest request = BayesianOptimizationStrategyTests.BraninRequest(1, 1) with
        {
            Options = new StrategyOptions(new Dictionary<string, string> { [OutcomeConstraint.AtMostPrefix + "cost"] = "3" }),
        };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request));

        Assert.Contains("'cost'", error.Message, StringComparison.Ordinal);
        Assert.Contains("observation #1", error.Message, StringComparison.Ordinal);
    }
}
