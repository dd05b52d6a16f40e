using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Strategies;

/// <summary>The LHS strategy designs the whole budget at once and hands it out row by row.</summary>
public class LatinHypercubeStrategyTests
{
    private readonly LatinHypercubeStrategy strategy = new();

    private static int[] Strata(IEnumerable<double> values, double lower, double upper, int n) =>
        [.. values.Select(v => (int)((v - lower) / (upper - lower) * n)).Order()];

    [Fact]
    public void A_campaign_over_its_budget_hits_every_stratum_of_every_parameter_once()
    {
        List<ParameterPoint> points = [];
        for (int soFar = 0; soFar < 20; soFar += 3)
        {
            points.AddRange(strategy.Suggest(Request(Branin(), Math.Min(3, 20 - soFar), suggestedSoFar: soFar, budget: 20)));
        }

        Assert.Equal(Enumerable.Range(0, 20), Strata(points.Select(p => p.Values["x1"]), -5, 10, 20));
        Assert.Equal(Enumerable.Range(0, 20), Strata(points.Select(p => p.Values["x2"]), 0, 15, 20));
    }

    [Fact]
    public void Option_samples_overrides_the_budget()
    {
        Dictionary<string, string> options = new() { ["samples"] = "8" };

        IReadOnlyList<ParameterPoint> points = strategy.Suggest(Request(Branin(), 8, budget: 100, options: options));

        Assert.Equal(Enumerable.Range(0, 8), Strata(points.Select(p => p.Values["x1"]), -5, 10, 8));
    }

    [Fact]
    public void Past_the_design_it_continues_with_the_design_of_the_next_seed()
    {
        IReadOnlyList<ParameterPoint> beyond = strategy.Suggest(Request(Branin(), 10, suggestedSoFar: 10, seed: 42, budget: 10));
        IReadOnlyList<ParameterPoint> nextSeed = strategy.Suggest(Request(Branin(), 10, suggestedSoFar: 0, seed: 43, budget: 10));

        Assert.Equal(nextSeed.Select(p => p.Values["x1"]), beyond.Select(p => p.Values["x1"]));
        Assert.Equal(Enumerable.Range(0, 10), Strata(beyond.Select(p => p.Values["x1"]), -5, 10, 10));
    }

    [Fact]
    public void Integer_parameters_with_as_many_values_as_rows_take_each_value_once()
    {
        IReadOnlyList<ParameterPoint> points = strategy.Suggest(Request(new([Integer("n", 1, 12)]), 12, budget: 12));

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (double)i), points.Select(p => p.Values["n"]).Order());
    }

    [Fact]
    public void Maximin_picks_the_design_with_the_largest_minimum_distance()
    {
        Dictionary<string, string> maximin = new() { ["criterion"] = "maximin", ["iterations"] = "30" };
        IReadOnlyList<ParameterPoint> plain = strategy.Suggest(Request(UnitCube(3), 25, budget: 25));
        IReadOnlyList<ParameterPoint> best = strategy.Suggest(Request(UnitCube(3), 25, budget: 25, options: maximin));

        double Distance(IReadOnlyList<ParameterPoint> points) =>
            LatinHypercube.MinimumDistance([.. points.Select(p => new[] { p.Values["x0"], p.Values["x1"], p.Values["x2"] })]);

        Assert.True(Distance(best) >= Distance(plain), "the first of the 30 designs is the plain design, so the best is at least as good");
        Assert.Equal(Enumerable.Range(0, 25), Strata(best.Select(p => p.Values["x2"]), 0, 1, 25));
    }

    [Fact]
    public void Without_a_budget_or_samples_the_request_is_refused()
    {
        SuggestionException error = Assert.Throws<SuggestionException>(() => strategy.Suggest(Request(Branin(), 4)));

        Assert.Equal("strategy 'lhs' needs the campaign budget or option 'samples' to size its design", error.Message);
    }
}
