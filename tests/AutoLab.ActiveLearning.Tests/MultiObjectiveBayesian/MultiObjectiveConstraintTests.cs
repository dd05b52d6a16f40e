using AutoLab.ActiveLearning.MultiObjectiveBayesian;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.MultiObjectiveBayesian;

/// <summary>"parego" and "ehvi" with an outcome constraint: suggestions land where a measured value meets its bound, and a missing constrained value is named.</summary>
public class MultiObjectiveConstraintTests
{
    /// <summary>The measured value c = x₀ must stay at most this.</summary>
    private const double Bound = 0.3;

    /// <summary>Probability of feasibility is a soft rule: a suggestion may sit this far past the bound, where the constraint GP is still unsure.</summary>
    private const double BoundTolerance = 0.05;

    private static readonly Dictionary<string, ISuggestionStrategy> Strategies = new()
    {
        [ParEgoStrategy.StrategyName] = new ParEgoStrategy(),
        [ExpectedHypervolumeImprovementStrategy.StrategyName] = new ExpectedHypervolumeImprovementStrategy(),
    };

    [Theory]
    [InlineData("parego", 1)]
    [InlineData("parego", 2)]
    [InlineData("ehvi", 1)]
    [InlineData("ehvi", 2)]
    public void Constrained_suggestions_respect_a_known_constraint(string strategy, long seed)
    {
        SuggestionRequest request = Zdt1Request(count: 4, seed) with
        {
            Options = new StrategyOptions(new Dictionary<string, string> { ["at_most.c"] = Bound.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        };

        IReadOnlyList<ParameterPoint> points = Strategies[strategy].Suggest(request);

        Assert.Equal(4, points.Count);
        Assert.All(points, p => Assert.True(p.Values["x0"] <= Bound + BoundTolerance, $"x0 = {p.Values["x0"]} breaks c = x0 ≤ {Bound}"));
    }

    [Theory]
    [InlineData("parego")]
    [InlineData("ehvi")]
    public void Without_the_constraint_suggestions_go_beyond_the_bound(string strategy)
    {
        // Checks the test above is not vacuous: ZDT1's front spans x0 ∈ [0, 1], so the unconstrained strategies leave [0, 0.3].
        IReadOnlyList<ParameterPoint> points = Strategies[strategy].Suggest(Zdt1Request(count: 4, seed: 1));

        Assert.Contains(points, p => p.Values["x0"] > Bound + BoundTolerance);
    }

    [Theory]
    [InlineData("parego")]
    [InlineData("ehvi")]
    public void A_constrained_value_missing_from_an_observation_is_named(string strategy)
    {
        SuggestionRequest request = Zdt1Request(count: 1, seed: 1) with
        {
            Options = new StrategyOptions(new Dictionary<string, string> { ["at_most.cost"] = "1" }),
        };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategies[strategy].Suggest(request));

        Assert.Contains("'cost'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A ZDT1 (d = 3) request with 12 Sobol observations that also report c = x₀.</summary>
    private static SuggestionRequest Zdt1Request(int count, long seed)
    {
        Zdt1 problem = new(3);
        IReadOnlyList<ParameterPoint> design = new SobolStrategy().Suggest(Request(UnitCube(3), 12, seed: seed));
        List<Observation> history = [];
        foreach (ParameterPoint point in design)
        {
            double[] x = [point.Values["x0"], point.Values["x1"], point.Values["x2"]];
            double[] f = new double[2];
            problem.Evaluate(x, f, []);
            history.Add(new Observation
            {
                ExperimentId = Guid.Empty,
                Sequence = history.Count + 1,
                Parameters = point,
                Objectives = new Dictionary<string, double> { ["f1"] = f[0], ["f2"] = f[1], ["c"] = x[0] },
            });
        }

        ObjectiveDefinition[] objectives = [new() { Name = "f1", Direction = ObjectiveDirection.Minimize }, new() { Name = "f2", Direction = ObjectiveDirection.Minimize }];
        return Request(UnitCube(3), count, suggestedSoFar: history.Count, seed: seed) with { Objectives = objectives, History = history };
    }
}
