using AutoLab.ActiveLearning.Strategies;

namespace AutoLab.ActiveLearning.Tests.Strategies;

/// <summary>Strategies are found by name in any case, and a wrong name lists the right ones.</summary>
public class StrategyRegistryTests
{
    private readonly StrategyRegistry registry = StrategyRegistry.CreateDefault();

    [Theory]
    [InlineData("sobol", typeof(SobolStrategy))]
    [InlineData("SOBOL", typeof(SobolStrategy))]
    [InlineData("Lhs", typeof(LatinHypercubeStrategy))]
    [InlineData("random", typeof(RandomStrategy))]
    public void Strategies_are_found_by_name_in_any_case(string name, Type expected)
    {
        Assert.IsType(expected, registry.Get(name));
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_known_names()
    {
        SuggestionException error = Assert.Throws<SuggestionException>(() => registry.Get("bayes"));

        Assert.Equal("unknown strategy 'bayes'; known strategies: lhs, random, sobol", error.Message);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("sobol")]
    [InlineData("lhs")]
    public void Space_filling_baselines_need_no_history(string name)
    {
        Assert.False(registry.NeedsHistory(name));
    }

    [Fact]
    public void Two_strategies_with_one_name_are_refused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new StrategyRegistry([new SobolStrategy(), new SobolStrategy()]));

        Assert.Contains("two suggestion strategies are named 'sobol'", error.Message, StringComparison.Ordinal);
    }
}
