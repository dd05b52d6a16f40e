using AutoLab.ActiveLearning.Bayesian;
using AutoLab.ActiveLearning.Kriging;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Kriging;

/// <summary>The kriging explorer measures where the map is least known, and its reported uncertainty falls as it measures.</summary>
public class KrigingExplorerTests
{
    private static readonly ObjectiveDefinition[] Signal = [new() { Name = "y", Direction = ObjectiveDirection.Maximize }];

    private static double Map(ParameterPoint p) => Math.Sin(6.0 * p.Values["x0"]) * Math.Cos(4.0 * p.Values["x1"]);

    [Fact]
    public void Mapping_lowers_the_reconstruction_uncertainty()
    {
        SearchSpace space = UnitCube(2);
        KrigingExplorerStrategy strategy = new();
        List<Observation> history = [];
        ReconstructionUncertainty? afterDesign = null;
        for (int round = 0; round < 6; round++)
        {
            SuggestionRequest request = Request(space, 4, suggestedSoFar: history.Count, seed: 3) with { Objectives = Signal, History = history };
            foreach (ParameterPoint point in strategy.Suggest(request))
            {
                history.Add(new Observation { ExperimentId = Guid.Empty, Sequence = history.Count + 1, Parameters = point, Objectives = new Dictionary<string, double> { ["y"] = Map(point) } });
            }

            if (round == 1)
            {
                afterDesign = KrigingReconstruction.Uncertainty(request with { History = history }, pointsPerDimension: 30);
            }
        }

        ReconstructionUncertainty final = KrigingReconstruction.Uncertainty(Request(space, 0, seed: 3) with { Objectives = Signal, History = history }, pointsPerDimension: 30);

        Assert.NotNull(afterDesign);
        Assert.Equal(900, final.GridPoints);
        Assert.Equal(24, final.Observations);
        Assert.True(final.MaxStandardDeviation < 0.5 * afterDesign.MaxStandardDeviation, $"max sd went from {afterDesign.MaxStandardDeviation} to {final.MaxStandardDeviation}");
        Assert.True(final.MeanStandardDeviation < 0.5 * afterDesign.MeanStandardDeviation, $"mean sd went from {afterDesign.MeanStandardDeviation} to {final.MeanStandardDeviation}");
        Assert.True(final.MeanStandardDeviation <= final.MaxStandardDeviation);
    }

    [Fact]
    public void The_next_point_is_where_the_posterior_variance_is_largest()
    {
        SearchSpace space = UnitCube(2);
        List<Observation> history = [.. new[] { (0.1, 0.1), (0.2, 0.15), (0.15, 0.25), (0.3, 0.2), (0.25, 0.3), (0.1, 0.35), (0.35, 0.1) }.Select((xy, i) =>
        {
            ParameterPoint p = space.FromUnit([xy.Item1, xy.Item2]);
            return new Observation { ExperimentId = Guid.Empty, Sequence = i + 1, Parameters = p, Objectives = new Dictionary<string, double> { ["y"] = Map(p) } };
        })];
        SuggestionRequest request = Request(space, 1, suggestedSoFar: 7, seed: 1, options: new Dictionary<string, string> { ["initial_points"] = "2", ["acquisition"] = "variance" }) with { Objectives = Signal, History = history };

        double[] next = space.ToUnit(new KrigingExplorerStrategy().Suggest(request)[0]);

        // Data sit in the lower-left corner, so the least-known point is the opposite corner.
        Assert.True(next[0] > 0.9 && next[1] > 0.9, $"expected the far corner, got ({next[0]}, {next[1]})");
    }

    [Fact]
    public void Uncertainty_needs_two_observations()
    {
        SuggestionRequest request = Request(UnitCube(2), 0) with { Objectives = Signal };

        SuggestionException error = Assert.Throws<SuggestionException>(() => KrigingReconstruction.Uncertainty(request));

        Assert.Contains("at least two observations", error.Message, StringComparison.Ordinal);
    }
}
