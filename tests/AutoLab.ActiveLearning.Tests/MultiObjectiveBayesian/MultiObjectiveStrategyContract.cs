using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.MultiObjectiveBayesian;

/// <summary>
/// What every multi-objective Bayesian strategy must do, run once per strategy by the derived test classes: give the
/// same batch for the same request, move its next point away from a pending one, beat a Sobol design of the same
/// size on ZDT1's hypervolume, and refuse more than three objectives.
/// </summary>
public abstract class MultiObjectiveStrategyContract
{
    /// <summary>The usual ZDT reference point for hypervolume (g ≤ 10 when d = 3, so every point counts).</summary>
    private static readonly double[] ZdtReference = [11.0, 11.0];

    /// <summary>How far (unit cube) a pending point must push the next suggestion to count as a change.</summary>
    private const double MovedTolerance = 1e-3;

    /// <summary>The strategy under test.</summary>
    protected abstract ISuggestionStrategy Strategy { get; }

    /// <summary>Its name in messages.</summary>
    protected abstract string Name { get; }

    /// <summary>A ZDT1 (d = 3) request with 12 Sobol observations, in the objectives' declared directions.</summary>
    /// <param name="count">Suggestions asked for.</param>
    /// <param name="seed">Campaign seed.</param>
    /// <returns>The request.</returns>
    protected abstract SuggestionRequest Zdt1Request(int count, long seed);

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

        double[] strategy = [.. seeds.Select(s => Hypervolume.Compute(MultiObjectiveLoop.Run(Strategy, problem, 30, s, options), ZdtReference))];
        double[] sobol = [.. seeds.Select(s => Hypervolume.Compute(MultiObjectiveLoop.Run(new SobolStrategy(), problem, 30, s, batch: 30), ZdtReference))];

        Assert.True(Median(strategy) > Median(sobol), $"median hypervolume at (11, 11): {Name} {Median(strategy)} [{string.Join(", ", strategy)}], sobol {Median(sobol)} [{string.Join(", ", sobol)}]");
    }

    [Fact]
    public void Four_objectives_are_refused()
    {
        ObjectiveDefinition[] four = [.. Enumerable.Range(1, 4).Select(j => new ObjectiveDefinition { Name = $"f{j}", Direction = ObjectiveDirection.Minimize })];
        SuggestionRequest request = Zdt1Request(count: 1, seed: 1) with { Objectives = four };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request));

        Assert.Contains("2 to 3 objectives", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A ZDT1 (d = 3) request with 12 Sobol observations under <paramref name="objectives"/>; a maximised objective is stored negated.</summary>
    /// <param name="count">Suggestions asked for.</param>
    /// <param name="seed">Campaign seed.</param>
    /// <param name="objectives">f1 and f2, each minimised or maximised.</param>
    /// <returns>The request.</returns>
    protected static SuggestionRequest Zdt1Request(int count, long seed, ObjectiveDefinition[] objectives)
    {
        Zdt1 problem = new(3);
        SuggestionRequest design = Request(UnitCube(3), 12, seed: seed);
        List<Observation> history = [];
        foreach (ParameterPoint point in new SobolStrategy().Suggest(design))
        {
            double[] f = new double[2];
            problem.Evaluate(design.Space.ToUnit(point), f, []);
            double Stored(int j) => objectives[j].Direction == ObjectiveDirection.Maximize ? -f[j] : f[j];
            history.Add(new Observation
            {
                ExperimentId = Guid.Empty,
                Sequence = history.Count + 1,
                Parameters = point,
                Objectives = new Dictionary<string, double> { ["f1"] = Stored(0), ["f2"] = Stored(1) },
            });
        }

        return Request(UnitCube(3), count, suggestedSoFar: 12, seed: seed) with { Objectives = objectives, History = history };
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[(n / 2) - 1] + sorted[n / 2]);
    }
}
