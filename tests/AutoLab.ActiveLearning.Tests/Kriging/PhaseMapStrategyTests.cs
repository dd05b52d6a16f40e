using AutoLab.ActiveLearning.Kriging;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Kriging;

/// <summary>
/// The phase-map strategy samples along the phase boundaries of a composition triangle, stays inside it, and
/// maps a three-phase diagram better than random compositions with the same number of samples.
/// </summary>
public class PhaseMapStrategyTests
{
    /// <summary>Presence outputs of a toy ternary: A where x0 &lt; 0.4, B where x1 &gt; 0.45, C elsewhere (both may hold at once).</summary>
    private static readonly ObjectiveDefinition[] Phases =
    [
        new() { Name = "presence_a", Direction = ObjectiveDirection.Maximize },
        new() { Name = "presence_b", Direction = ObjectiveDirection.Maximize },
        new() { Name = "presence_c", Direction = ObjectiveDirection.Maximize },
        new() { Name = "temperature", Direction = ObjectiveDirection.Maximize },
    ];

    private static readonly LinearConstraint[] Simplex =
    [
        new() { Coefficients = new Dictionary<string, double> { ["x0"] = 1, ["x1"] = 1 }, UpperBound = 1, Label = "x0 + x1 <= 1" },
    ];

    private static Dictionary<string, double> Measure(ParameterPoint p)
    {
        double x0 = p.Values["x0"];
        double x1 = p.Values["x1"];
        bool a = x0 < 0.4;
        bool b = x1 > 0.45;
        return new Dictionary<string, double>
        {
            ["presence_a"] = a ? 0.95 : 0.05,
            ["presence_b"] = b ? 0.9 : 0.02,
            ["presence_c"] = !a && !b ? 0.97 : 0.03,
            ["temperature"] = 300.0,
        };
    }

    private static ulong TrueLabel(double x0, double x1)
    {
        bool a = x0 < 0.4;
        bool b = x1 > 0.45;
        return (a ? 1UL : 0) | (b ? 2UL : 0) | (!a && !b ? 4UL : 0);
    }

    private static List<Observation> RunCampaign(ISuggestionStrategy strategy, int budget, long seed)
    {
        SearchSpace space = UnitCube(2);
        List<Observation> history = [];
        while (history.Count < budget)
        {
            SuggestionRequest request = Request(space, 4, suggestedSoFar: history.Count, seed: seed, budget: budget, constraints: Simplex) with { Objectives = Phases, History = history };
            foreach (ParameterPoint point in strategy.Suggest(request))
            {
                history.Add(new Observation { ExperimentId = Guid.NewGuid(), Sequence = history.Count + 1, Parameters = point, Objectives = Measure(point) });
            }
        }

        return history;
    }

    private static double MapAccuracy(List<Observation> history)
    {
        string[] outputs = ["presence_a", "presence_b", "presence_c"];
        PhaseMapModel model = PhaseMapModel.Fit(
            [.. history.Select(o => new[] { o.Parameters.Values["x0"], o.Parameters.Values["x1"] })],
            [.. outputs.Select(name => (IReadOnlyList<double>)[.. history.Select(o => o.Objectives[name])])],
            outputs,
            0.5,
            new AutoLab.ActiveLearning.GaussianProcesses.GaussianProcessOptions { Restarts = 1 },
            seed: 1);
        List<double[]> lattice = [];
        for (int i = 0; i <= 40; i++)
        {
            for (int j = 0; j <= 40 - i; j++)
            {
                lattice.Add([i / 40.0, j / 40.0]);
            }
        }

        ulong[] labels = model.Labels(lattice);
        return lattice.Where((p, i) => labels[i] == TrueLabel(p[0], p[1])).Count() / (double)lattice.Count;
    }

    [Fact]
    public void Suggestions_stay_inside_the_composition_triangle()
    {
        List<Observation> history = RunCampaign(new PhaseMapStrategy(), 28, seed: 5);

        Assert.Equal(28, history.Count);
        Assert.All(history, o => Assert.True(o.Parameters.Values["x0"] + o.Parameters.Values["x1"] <= 1.0 + 1e-12, $"({o.Parameters.Values["x0"]}, {o.Parameters.Values["x1"]}) is outside the triangle"));
    }

    [Fact]
    public void After_the_design_the_samples_gather_at_the_phase_boundaries()
    {
        List<Observation> history = RunCampaign(new PhaseMapStrategy(), 36, seed: 7);
        List<Observation> random = RunCampaign(new RandomStrategy(), 36, seed: 7);

        // Distance to the nearer of the two boundaries x0 = 0.4 and x1 = 0.45, for the points chosen after the 12-point design.
        static double Distance(Observation o) => Math.Min(Math.Abs(o.Parameters.Values["x0"] - 0.4), Math.Abs(o.Parameters.Values["x1"] - 0.45));
        double mapped = Median([.. history.Skip(12).Select(Distance)]);
        double baseline = Median([.. random.Skip(12).Select(Distance)]);

        Assert.True(mapped < 0.5 * baseline, $"median distance to a boundary: phase-map {mapped:F3}, random {baseline:F3}");
    }

    [Fact]
    public void Maps_a_three_phase_diagram_better_than_random_compositions()
    {
        long[] seeds = [1, 2, 3];
        double mapped = Median([.. seeds.Select(s => MapAccuracy(RunCampaign(new PhaseMapStrategy(), 24, s)))]);
        double random = Median([.. seeds.Select(s => MapAccuracy(RunCampaign(new RandomStrategy(), 24, s)))]);

        Assert.True(mapped > random, $"median map accuracy with 24 samples: phase-map {mapped:F3}, random {random:F3}");
        Assert.True(mapped > 0.9, $"phase-map accuracy {mapped:F3} should exceed 0.9 on a map of two straight boundaries");
    }

    [Fact]
    public void The_same_request_gives_the_same_points()
    {
        List<Observation> history = RunCampaign(new PhaseMapStrategy(), 16, seed: 3);
        SuggestionRequest request = Request(UnitCube(2), 4, suggestedSoFar: 16, seed: 3, constraints: Simplex) with { Objectives = Phases, History = history };

        IReadOnlyList<ParameterPoint> first = new PhaseMapStrategy().Suggest(request);
        IReadOnlyList<ParameterPoint> second = new PhaseMapStrategy().Suggest(request);

        Assert.Equal(first.Select(p => p.Values["x0"]), second.Select(p => p.Values["x0"]));
        Assert.Equal(first.Select(p => p.Values["x1"]), second.Select(p => p.Values["x1"]));
    }

    [Fact]
    public void A_prefix_that_matches_no_objective_is_refused_with_the_objectives_listed()
    {
        SuggestionRequest request = Request(UnitCube(2), 1, options: new Dictionary<string, string> { ["outputs"] = "fraction_" }) with { Objectives = Phases };

        SuggestionException error = Assert.Throws<SuggestionException>(() => new PhaseMapStrategy().Suggest(request));

        Assert.Contains("fraction_", error.Message, StringComparison.Ordinal);
        Assert.Contains("presence_a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_output_in_the_history_names_the_observation()
    {
        List<Observation> history = RunCampaign(new PhaseMapStrategy(), 12, seed: 2);
        history[4] = history[4] with { Objectives = new Dictionary<string, double> { ["presence_a"] = double.NaN, ["presence_b"] = 0, ["presence_c"] = 0 } };
        SuggestionRequest request = Request(UnitCube(2), 4, suggestedSoFar: 12, constraints: Simplex) with { Objectives = Phases, History = history };

        SuggestionException error = Assert.Throws<SuggestionException>(() => new PhaseMapStrategy().Suggest(request));

        Assert.Contains("observation #5", error.Message, StringComparison.Ordinal);
        Assert.Contains("presence_a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_misclassification_acquisition_is_accepted_and_an_unknown_option_is_refused()
    {
        List<Observation> history = RunCampaign(new PhaseMapStrategy(), 16, seed: 4);
        SuggestionRequest misclassification = Request(UnitCube(2), 2, suggestedSoFar: 16, constraints: Simplex, options: new Dictionary<string, string> { ["acquisition"] = "misclassification" }) with { Objectives = Phases, History = history };
        SuggestionRequest unknown = misclassification with { Options = new StrategyOptions(new Dictionary<string, string> { ["acquisiton"] = "straddle" }) };

        Assert.Equal(2, new PhaseMapStrategy().Suggest(misclassification).Count);
        Assert.Contains("acquisiton", Assert.Throws<SuggestionException>(() => new PhaseMapStrategy().Suggest(unknown)).Message, StringComparison.Ordinal);
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values.Length % 2 == 1 ? values[values.Length / 2] : 0.5 * (values[(values.Length / 2) - 1] + values[values.Length / 2]);
    }
}
