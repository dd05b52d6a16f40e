using AutoLab.ActiveLearning.GaussianProcesses;
using AutoLab.ActiveLearning.Kriging;

namespace AutoLab.ActiveLearning.Tests.Kriging;

/// <summary>The kriged phase map reads phase sets where the presence means cross the level, and its uncertainty sits on the boundaries.</summary>
public class PhaseMapModelTests
{
    private static readonly GaussianProcessOptions Options = new() { Restarts = 1 };

    /// <summary>Two phases on a line: "left" below x = 0.5, "right" above, sampled on a 1-D grid.</summary>
    private static PhaseMapModel TwoPhaseLine(int samples)
    {
        double[][] inputs = [.. Enumerable.Range(0, samples).Select(i => new[] { i / (double)(samples - 1) })];
        double[] left = [.. inputs.Select(x => x[0] < 0.5 ? 1.0 : 0.0)];
        double[] right = [.. inputs.Select(x => x[0] < 0.5 ? 0.0 : 1.0)];
        return PhaseMapModel.Fit(inputs, [left, right], ["left", "right"], 0.5, Options, seed: 1);
    }

    [Fact]
    public void Labels_are_the_phases_whose_mean_reaches_the_level()
    {
        PhaseMapModel model = TwoPhaseLine(21);

        Assert.Equal(1UL, model.Label([0.1]));
        Assert.Equal(2UL, model.Label([0.9]));
        Assert.Equal([1UL, 2UL], model.Labels([[0.2], [0.8]]));
    }

    [Fact]
    public void Uncertainty_is_largest_at_the_boundary()
    {
        PhaseMapModel model = TwoPhaseLine(11);
        double[][] points = [[0.05], [0.5], [0.95]];

        double[] mislabels = model.ExpectedMislabels(points);
        double[] straddle = model.Straddle(points, 1.96);

        Assert.True(mislabels[1] > 5 * Math.Max(mislabels[0], mislabels[2]), $"expected mislabels {string.Join(", ", mislabels)}");
        Assert.True(straddle[1] > straddle[0] && straddle[1] > straddle[2], $"straddle {string.Join(", ", straddle)}");
        Assert.All(mislabels, m => Assert.InRange(m, 0.0, 1.0));
    }

    [Fact]
    public void Believing_a_point_lowers_the_straddle_there()
    {
        PhaseMapModel model = TwoPhaseLine(6);
        double[][] boundary = [[0.5]];
        double before = model.Straddle(boundary, 1.96)[0];

        model.Believe([0.5]);

        Assert.Equal(7, model.Count);
        Assert.True(model.Straddle(boundary, 1.96)[0] < before, $"straddle at the boundary before {before}, after {model.Straddle(boundary, 1.96)[0]}");
    }

    [Fact]
    public void Mismatched_outputs_and_rows_are_refused()
    {
        double[][] inputs = [[0.0], [1.0]];

        Assert.Throws<ArgumentException>(() => PhaseMapModel.Fit(inputs, [[0.0, 1.0]], ["a", "b"], 0.5, Options, 1));
        Assert.Throws<ArgumentException>(() => PhaseMapModel.Fit(inputs, [[0.0]], ["a"], 0.5, Options, 1));
    }
}
