using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.MultiObjectiveBayesian;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.MultiObjectiveBayesian;

/// <summary>"ehvi" is deterministic, moves its batch away from pending points, beats a Sobol design of the same size on ZDT1, and refuses more than three objectives.</summary>
public class ExpectedHypervolumeImprovementStrategyTests
{
    /// <summary>The usual ZDT reference point for hypervolume (g ≤ 10 when d = 3, so every point counts).</summary>
    private static readonly double[] ZdtReference = [11.0, 11.0];

    /// <summary>How far (unit cube) a pending point must push the next suggestion to count as a change.</summary>
    private const double MovedTolerance = 1e-3;

    private static readonly ExpectedHypervolumeImprovementStrategy Strategy = new();

    [Fact]
    public void The_same_request_gives_the_same_suggestions()
    {
        SuggestionRequest request = Zdt1Request(count: 3, seed: 7);

        double[][] first = [.. Strategy.Suggest(request).Select(request.Space.ToUnit)];
        double[][] second = [.. Strategy.Suggest(request).Select(request.Space.ToUnit)];

        Assert.Equal(3, first.Length);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Pending_points_change_the_batch()
    {
        SuggestionRequest request = Zdt1Request(count: 1, seed: 3);
        ParameterPoint alone = Strategy.Suggest(request)[0];

        ParameterPoint withPending = Strategy.Suggest(request with { Pending = [alone] })[0];

        double[] a = request.Space.ToUnit(alone);
        double[] b = request.Space.ToUnit(withPending);
        double distance = Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum());
        Assert.True(distance > MovedTolerance, $"with the first choice pending the next point should differ; moved {distance}");
    }

    [Fact]
    public void On_zdt1_the_hypervolume_beats_a_sobol_design_of_the_same_size()
    {
        Zdt1 problem = new(3);
        long[] seeds = [1, 2, 3];
        Dictionary<string, string> options = new() { ["initial_points"] = "10" };

        double[] ehvi = [.. seeds.Select(s => Hypervolume.Compute(MultiObjectiveLoop.Run(Strategy, problem, 30, s, options), ZdtReference))];
        double[] sobol = [.. seeds.Select(s => Hypervolume.Compute(MultiObjectiveLoop.Run(new SobolStrategy(), problem, 30, s, batch: 30), ZdtReference))];

        Assert.True(Median(ehvi) > Median(sobol), $"median hypervolume at (11, 11): ehvi {Median(ehvi)} [{string.Join(", ", ehvi)}], sobol {Median(sobol)} [{string.Join(", ", sobol)}]");
    }

    [Fact]
    public void Four_objectives_are_refused()
    {
        ObjectiveDefinition[] four = [.. Enumerable.Range(1, 4).Select(j => new ObjectiveDefinition { Name = $"f{j}", Direction = ObjectiveDirection.Minimize })];
        SuggestionRequest request = Zdt1Request(count: 1, seed: 1) with { Objectives = four };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request));

        Assert.Contains("2 to 3 objectives", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A ZDT1 (d = 3) request with 12 Sobol observations.</summary>
    private static SuggestionRequest Zdt1Request(int count, long seed)
    {
        Zdt1 problem = new(3);
        SuggestionRequest design = Request(UnitCube(3), 12, seed: seed);
        List<Observation> history = [];
        foreach (ParameterPoint point in new SobolStrategy().Suggest(design))
        {
            double[] f = new double[2];
            problem.Evaluate(design.Space.ToUnit(point), f, []);
            history.Add(new Observation
            {
                ExperimentId = Guid.Empty,
                Sequence = history.Count + 1,
                Parameters = point,
                Objectives = new Dictionary<string, double> { ["f1"] = f[0], ["f2"] = f[1] },
            });
        }

        ObjectiveDefinition[] objectives = [new() { Name = "f1", Direction = ObjectiveDirection.Minimize }, new() { Name = "f2", Direction = ObjectiveDirection.Minimize }];
        return Request(UnitCube(3), count, suggestedSoFar: 12, seed: seed) with { Objectives = objectives, History = history };
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }
}
