using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Strategies;

/// <summary>The random baseline is uniform and point k depends only on (seed, k).</summary>
public class RandomStrategyTests
{
    private readonly RandomStrategy strategy = new();

    [Fact]
    public void Point_k_depends_only_on_the_seed_and_k()
    {
        IReadOnlyList<ParameterPoint> run = strategy.Suggest(Request(Branin(), 10));
        ParameterPoint seventh = Assert.Single(strategy.Suggest(Request(Branin(), 1, suggestedSoFar: 7)));

        Assert.Equal(run[7].Values["x1"], seventh.Values["x1"]);
        Assert.Equal(run[7].Values["x2"], seventh.Values["x2"]);
    }

    [Fact]
    public void Points_are_uniform_over_the_bounds()
    {
        // 4000 uniform draws on [-5, 10]: mean 2.5, standard error 4.33/sqrt(4000) ≈ 0.07, so ±0.3 is over 4 sigma.
        IReadOnlyList<ParameterPoint> points = strategy.Suggest(Request(Branin(), 4000));
        double[] x1 = [.. points.Select(p => p.Values["x1"])];

        Assert.InRange(x1.Average(), 2.2, 2.8);
        Assert.InRange(x1.Min(), -5, -4.9);
        Assert.InRange(x1.Max(), 9.9, 10);
    }

    [Fact]
    public void Categorical_choices_are_drawn_equally_often()
    {
        IReadOnlyList<ParameterPoint> points = strategy.Suggest(Request(Mixed(), 3000));
        int[] counts = [.. points.GroupBy(p => p.Choices["solvent"]).Select(g => g.Count())];

        // Each expected 1000 with standard deviation ≈ 26.
        Assert.Equal(3, counts.Length);
        Assert.All(counts, c => Assert.InRange(c, 880, 1120));
    }
}
