using AutoLab.ActiveLearning.MultiObjective;
using AutoLab.ActiveLearning.MultiObjectiveBayesian;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.MultiObjectiveBayesian;

/// <summary>
/// "parego" is deterministic, moves its batch away from pending points, beats a space-filling design of
/// the same size on ZDT1's hypervolume, and refuses campaigns it cannot serve with a message saying why.
/// </summary>
public class ParEgoStrategyTests
{
    /// <summary>The usual ZDT reference point for hypervolume (g ≤ 10 when d = 3, so every point counts).</summary>
    private static readonly double[] ZdtReference = [11.0, 11.0];

    /// <summary>How far (unit cube) a pending point must push the next suggestion to count as a change.</summary>
    private const double MovedTolerance = 1e-3;

    private static readonly ParEgoStrategy Strategy = new();

    private static readonly ObjectiveDefinition[] TwoObjectives =
    [
        new() { Name = "f1", Direction = ObjectiveDirection.Minimize },
        new() { Name = "f2", Direction = ObjectiveDirection.Maximize },
    ];

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

        double[] parego = [.. seeds.Select(s => Hypervolume.Compute(MultiObjectiveLoop.Run(Strategy, problem, 30, s, options), ZdtReference))];
        double[] sobol = [.. seeds.Select(s => Hypervolume.Compute(MultiObjectiveLoop.Run(new SobolStrategy(), problem, 30, s, batch: 30), ZdtReference))];

        Assert.True(Median(parego) > Median(sobol), $"median hypervolume at (11, 11): parego {Median(parego)} [{string.Join(", ", parego)}], sobol {Median(sobol)} [{string.Join(", ", sobol)}]");
    }

    [Fact]
    public void Suggestions_satisfy_linear_constraints()
    {
        LinearConstraint[] constraints = [new() { Coefficients = new Dictionary<string, double> { ["x0"] = 1, ["x1"] = 1 }, UpperBound = 0.6, Label = "x0 + x1 at most 0.6" }];
        SuggestionRequest request = Zdt1Request(count: 4, seed: 5);
        request = request with { Constraints = new ConstraintSet(constraints, request.Space) };

        IReadOnlyList<ParameterPoint> points = Strategy.Suggest(request);

        Assert.Equal(4, points.Count);
        Assert.All(points, p => Assert.True(request.Constraints.IsSatisfiedBy(p), $"x0 + x1 = {p.Values["x0"] + p.Values["x1"]} breaks the constraint"));
    }

    [Fact]
    public void One_objective_is_refused_with_a_pointer_to_bo()
    {
        SuggestionRequest request = Zdt1Request(count: 1, seed: 1) with { Objectives = [TwoObjectives[0]] };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request));

        Assert.Contains("'bo'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_objectives_are_refused()
    {
        ObjectiveDefinition[] four = [.. Enumerable.Range(1, 4).Select(j => new ObjectiveDefinition { Name = $"f{j}", Direction = ObjectiveDirection.Minimize })];
        SuggestionRequest request = Zdt1Request(count: 1, seed: 1) with { Objectives = four };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request));

        Assert.Contains("2 to 3 objectives", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nan_objective_is_refused_naming_the_observation()
    {
        SuggestionRequest request = Zdt1Request(count: 1, seed: 1);
        Observation bad = request.History[4] with { Objectives = new Dictionary<string, double> { ["f1"] = 0.5, ["f2"] = double.NaN } };
        request = request with { History = [.. request.History.Take(4), bad, .. request.History.Skip(5)] };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request));

        Assert.Contains($"#{bad.Sequence}", error.Message, StringComparison.Ordinal);
        Assert.Contains("f2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_lie_on_the_simplex_and_depend_on_the_stream()
    {
        const double SumTolerance = 1e-12;
        double[] first = ChebyshevScalarization.RandomWeights(3, 42, 0);
        double[] second = ChebyshevScalarization.RandomWeights(3, 42, 1);

        Assert.Equal(1.0, first.Sum(), SumTolerance);
        Assert.All(first, w => Assert.InRange(w, 0.0, 1.0));
        Assert.NotEqual(first, second);
        Assert.Equal(first, ChebyshevScalarization.RandomWeights(3, 42, 0));
    }

    [Fact]
    public void Chebyshev_scalarisation_takes_the_worst_weighted_term_plus_the_augmentation()
    {
        const double Tolerance = 1e-12;
        ChebyshevScalarization s = new([0.25, 0.75], [0.0, 10.0], [2.0, 20.0], rho: 0.1);

        // Scaled costs (0.5, 0.2); weighted (0.125, 0.15); max 0.15 plus 0.1 × 0.275.
        double value = s.Evaluate([1.0, 12.0]);

        Assert.Equal(0.15 + (0.1 * 0.275), value, Tolerance);
    }

    /// <summary>A ZDT1 (d = 3) request with 12 Sobol observations; f2 is declared maximised and stored negated, which exercises the direction handling.</summary>
    private static SuggestionRequest Zdt1Request(int count, long seed)
    {
        Zdt1 problem = new(3);
        SuggestionRequest design = Request(UnitCube(3), 12, seed: seed);
        IReadOnlyList<ParameterPoint> points = new SobolStrategy().Suggest(design);
        List<Observation> history = [];
        foreach (ParameterPoint point in points)
        {
            double[] f = new double[2];
            problem.Evaluate(design.Space.ToUnit(point), f, []);
            history.Add(new Observation
            {
                ExperimentId = Guid.Empty,
                Sequence = history.Count + 1,
                Parameters = point,
                Objectives = new Dictionary<string, double> { ["f1"] = f[0], ["f2"] = -f[1] },
            });
        }

        return Request(UnitCube(3), count, suggestedSoFar: 12, seed: seed) with { Objectives = TwoObjectives, History = history };
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[(n / 2) - 1] + sorted[n / 2]);
    }
}
