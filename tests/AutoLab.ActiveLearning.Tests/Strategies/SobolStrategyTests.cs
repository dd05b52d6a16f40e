using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Strategies;

/// <summary>The Sobol strategy hands out the sequence in campaign order and supports its options.</summary>
public class SobolStrategyTests
{
    private readonly SobolStrategy strategy = new();

    [Fact]
    public void Unscrambled_the_campaign_starts_at_the_centre_and_follows_the_known_sequence()
    {
        Dictionary<string, string> plain = new() { ["scramble"] = "none" };

        IReadOnlyList<ParameterPoint> points = strategy.Suggest(Request(UnitCube(2), 3, options: plain));

        double[][] expected = [[0.5, 0.5], [0.75, 0.25], [0.25, 0.75]];
        Assert.Equal(expected, points.Select(p => new[] { p.Values["x0"], p.Values["x1"] }));
    }

    [Fact]
    public void Point_k_of_the_campaign_is_element_k_of_the_scrambled_sequence()
    {
        SobolSequence sequence = new(2, SobolScramble.Owen, seed: 9);

        ParameterPoint point = Assert.Single(strategy.Suggest(Request(UnitCube(2), 1, suggestedSoFar: 37, seed: 9)));

        Assert.Equal(sequence.Element(37), new[] { point.Values["x0"], point.Values["x1"] });
    }

    [Theory]
    [InlineData("owen")]
    [InlineData("LMS")]
    public void A_campaign_of_64_points_in_batches_stratifies_every_parameter(string scramble)
    {
        Dictionary<string, string> options = new() { ["scramble"] = scramble };
        List<ParameterPoint> points = [];
        for (int soFar = 0; soFar < 64; soFar += 5)
        {
            points.AddRange(strategy.Suggest(Request(Branin(), Math.Min(5, 64 - soFar), suggestedSoFar: soFar, options: options)));
        }

        int[] x1Strata = [.. points.Select(p => (int)((p.Values["x1"] + 5) / 15 * 64)).Order()];
        int[] x2Strata = [.. points.Select(p => (int)(p.Values["x2"] / 15 * 64)).Order()];
        Assert.Equal(Enumerable.Range(0, 64), x1Strata);
        Assert.Equal(Enumerable.Range(0, 64), x2Strata);
    }

    [Fact]
    public void Too_many_parameters_are_refused_naming_the_limit()
    {
        int tooMany = SobolSequence.MaxDimension + 1;

        SuggestionException error = Assert.Throws<SuggestionException>(() => strategy.Suggest(Request(UnitCube(tooMany), 1)));

        Assert.Equal(
            $"strategy 'sobol' supports at most {SobolSequence.MaxDimension} parameters (rows of the Joe–Kuo table in this build); the space has {tooMany}",
            error.Message);
    }

    [Fact]
    public void An_unknown_scramble_is_refused_with_the_choices()
    {
        SuggestionException error = Assert.Throws<SuggestionException>(
            () => strategy.Suggest(Request(Branin(), 1, options: new Dictionary<string, string> { ["scramble"] = "faure" })));

        Assert.Equal("option 'scramble' must be one of owen, lms, none; got 'faure'", error.Message);
    }
}
