using AutoLab.ActiveLearning.MultiObjectiveBayesian;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Tests.MultiObjectiveBayesian;

/// <summary>
/// "parego" keeps the multi-objective contract (<see cref="MultiObjectiveStrategyContract"/>) with f2 maximised,
/// keeps to linear constraints, and refuses campaigns it cannot serve with a message saying why.
/// </summary>
public class ParEgoStrategyTests : MultiObjectiveStrategyContract
{
    private static readonly ObjectiveDefinition[] TwoObjectives =
    [
        new() { Name = "f1", Direction = ObjectiveDirection.Minimize },
        new() { Name = "f2", Direction = ObjectiveDirection.Maximize },
    ];

    /// <inheritdoc />
    protected override ISuggestionStrategy Strategy { get; } = new ParEgoStrategy();

    /// <inheritdoc />
    protected override string Name => "parego";

    // f2 is declared maximised and stored negated, which exercises the direction handling.
    /// <inheritdoc />
    protected override SuggestionRequest Zdt1Request(int count, long seed) => Zdt1Request(count, seed, TwoObjectives);

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
}
