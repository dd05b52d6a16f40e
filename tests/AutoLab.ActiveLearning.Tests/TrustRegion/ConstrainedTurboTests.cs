using AutoLab.ActiveLearning.Sampling;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.ActiveLearning.TrustRegion;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using Xunit.Abstractions;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.TrustRegion;

/// <summary>
/// "turbo" with outcome constraints (SCBO): on a 10-dimensional shifted sphere whose unconstrained minimum
/// breaks a linear constraint on a separately measured value, the constrained runs end in the feasible
/// region near the constrained optimum while unconstrained runs go past it; SCBO's success rule and
/// incumbent order; determinism and pending points; a missing constrained value is refused with its name.
/// </summary>
public class ConstrainedTurboTests(ITestOutputHelper output)
{
    private const int Dimension = 10;
    private const int InitialPoints = 12;
    private const int Evaluations = 72;
    private const int Batch = 4;

    /// <summary>Unconstrained minimiser u = 0.3·1 (f = 0); it breaks the constraint mean(u) ≥ 0.5.</summary>
    private const double Shift = 0.3;

    /// <summary>The constraint's bound: feasible when the mean coordinate is at least 0.5.</summary>
    private const double MeanBound = 0.5;

    /// <summary>The constrained minimum: the projection u = 0.5·1 of the shift onto the half-space, f = d·0.2² = 0.4.</summary>
    private const double ConstrainedOptimum = Dimension * (MeanBound - Shift) * (MeanBound - Shift);

    /// <summary>Allowed excess of the median best feasible f over the constrained minimum after 72 evaluations: seeds 1–10 gave 0.45–0.72, median about 0.52 (docs/strategies.md).</summary>
    private const double OptimumTolerance = 0.25;

    /// <summary>Largest shortfall of mean(u) below its bound allowed in the last two batches: the optimum sits on the boundary, so Thompson draws straddle it, but only narrowly.</summary>
    private const double ViolationTolerance = 0.05;

    private static readonly TurboStrategy Strategy = new();

    private static readonly Dictionary<string, string> ConstrainedOptions = new()
    {
        ["initial_points"] = $"{InitialPoints}",
        ["batch_size"] = $"{Batch}",
        ["candidates"] = "250",
        ["at_least.s"] = $"{MeanBound}",
    };

    private static readonly Dictionary<string, string> PlainOptions = new()
    {
        ["initial_points"] = $"{InitialPoints}",
        ["batch_size"] = $"{Batch}",
        ["candidates"] = "250",
    };

    [Fact]
    public void Constrained_suggestions_end_feasible_and_near_the_constrained_optimum()
    {
        long[] seeds = [1, 2, 3];
        List<double> bests = [];
        List<double> worstViolations = [];
        foreach (long seed in seeds)
        {
            List<(double[] Unit, double F, double S)> run = Run(ConstrainedOptions, seed);
            double best = run.Where(r => r.S >= MeanBound).Select(r => r.F).DefaultIfEmpty(double.PositiveInfinity).Min();
            double worstViolation = run.TakeLast(2 * Batch).Max(r => Math.Max(0.0, MeanBound - r.S));
            double feasibleShare = run.TakeLast(2 * Batch).Count(r => r.S >= MeanBound) / (double)(2 * Batch);
            output.WriteLine($"seed {seed}: best feasible f {best:F4}, last two batches: feasible share {feasibleShare:F2}, worst violation {worstViolation:F4}; f of last {string.Join(" ", run.TakeLast(2 * Batch).Select(r => r.F.ToString("F3")))}");
            bests.Add(best);
            worstViolations.Add(worstViolation);
        }

        double median = bests.Order().ElementAt(bests.Count / 2);
        Assert.True(median <= ConstrainedOptimum + OptimumTolerance, $"median best feasible f {median} is not within {OptimumTolerance} of the constrained minimum {ConstrainedOptimum} ({string.Join(", ", bests)})");
        Assert.True(bests.Min() >= ConstrainedOptimum - 1e-9, "no feasible point can beat the constrained minimum; the bookkeeping of feasibility is wrong");
        Assert.True(worstViolations.Max() <= ViolationTolerance, $"the last two batches broke mean(u) ≥ {MeanBound} by up to {worstViolations.Max()} ({string.Join(", ", worstViolations)})");
    }

    [Fact]
    public void Without_the_constraint_the_search_goes_past_the_constrained_optimum()
    {
        List<(double[] Unit, double F, double S)> run = Run(PlainOptions, seed: 1);
        (double[] _, double f, double s) = run.MinBy(r => r.F);
        output.WriteLine($"unconstrained best f {f:F4} at mean(u) {s:F4}");

        Assert.True(s < MeanBound, $"the unconstrained best point has mean(u) {s}; it should lie beyond the constraint toward {Shift}");
        Assert.True(f < ConstrainedOptimum, $"the unconstrained best f {f} should beat the constrained minimum {ConstrainedOptimum}");
    }

    [Fact]
    public void A_missing_constrained_value_is_refused_with_its_name_and_observation()
    {
        SuggestionRequest request = RequestFor(ConstrainedOptions, seed: 4, History(seed: 4, count: 16));
        List<Observation> history = [.. request.History];
        history[3] = history[3] with { Objectives = new Dictionary<string, double> { ["f"] = history[3].Objectives["f"] } };

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request with { History = history }));

        Assert.Contains("'s'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"observation #{history[3].Sequence}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_still_refused_beside_constraint_options()
    {
        Dictionary<string, string> options = new(ConstrainedOptions) { ["lenght_init"] = "0.4" };
        SuggestionRequest request = RequestFor(options, seed: 4, []);

        SuggestionException error = Assert.Throws<SuggestionException>(() => Strategy.Suggest(request));

        Assert.Contains("lenght_init", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_constrained_request_gives_the_same_suggestions()
    {
        SuggestionRequest request = RequestFor(ConstrainedOptions, seed: 6, History(seed: 6, count: 20));

        double[][] first = [.. Strategy.Suggest(request).Select(request.Space.ToUnit)];
        double[][] second = [.. Strategy.Suggest(request).Select(request.Space.ToUnit)];

        Assert.Equal(first, second);
    }

    [Fact]
    public void Pending_points_change_the_constrained_batch()
    {
        SuggestionRequest request = RequestFor(ConstrainedOptions, seed: 8, History(seed: 8, count: 20)) with { Count = 1 };
        ParameterPoint alone = Strategy.Suggest(request)[0];

        ParameterPoint withPending = Strategy.Suggest(request with { Pending = [alone] })[0];

        Assert.NotEqual(request.Space.ToUnit(alone), request.Space.ToUnit(withPending));
    }

    [Fact]
    public void A_feasible_batch_succeeds_over_an_infeasible_incumbent_even_with_a_worse_value()
    {
        TrustRegionState state = TrustRegionState.Replay([10.0, 9.0, 8.0, 7.0, 1.0], [1.0, 2.0, 3.0, 4.0, 0.0], StateSettings());

        Assert.Equal(1, state.Successes);
        Assert.Equal(1.0, state.Best);
        Assert.Equal(0.0, state.BestViolation);
    }

    [Fact]
    public void An_infeasible_batch_succeeds_only_by_violating_less_than_an_infeasible_incumbent()
    {
        TrustRegionState less = TrustRegionState.Replay([1.0, 1.0, 1.0, 1.0, 0.0], [1.0, 2.0, 3.0, 4.0, 0.5], StateSettings());
        TrustRegionState more = TrustRegionState.Replay([1.0, 1.0, 1.0, 1.0, 50.0], [1.0, 2.0, 3.0, 4.0, 1.5], StateSettings());

        Assert.Equal(1, less.Successes);
        Assert.Equal(0.5, less.BestViolation);
        Assert.Equal(1, more.Failures);
        Assert.Equal(1.0, more.BestViolation);
    }

    [Fact]
    public void An_infeasible_batch_fails_against_a_feasible_incumbent_whatever_its_value()
    {
        TrustRegionState state = TrustRegionState.Replay([1.0, 2.0, 3.0, 4.0, 100.0], [0.0, 0.0, 1.0, 0.0, 0.1], StateSettings());

        Assert.Equal(1, state.Failures);
        Assert.Equal(4.0, state.Best);
    }

    [Fact]
    public void Without_violations_the_constrained_replay_equals_turbo_1()
    {
        double[] values = [1.0, 10.0, 3.0, 2.0, 11.0, 12.0, 1.0, 13.0, 13.001, 20.0];
        TrustRegionState plain = TrustRegionState.Replay(values, StateSettings());
        TrustRegionState constrained = TrustRegionState.Replay(values, new double[values.Length], StateSettings());

        Assert.Equal((plain.Length, plain.Successes, plain.Failures, plain.Best), (constrained.Length, constrained.Successes, constrained.Failures, constrained.Best));
    }

    private static TurboSettings StateSettings() => new()
    {
        InitialPoints = 4,
        BatchSize = 1,
        LengthInit = 0.8,
        LengthMin = Math.Pow(0.5, 7.0),
        LengthMax = 1.6,
        SuccessTolerance = 3,
        FailureTolerance = 4,
        Candidates = 100,
        MaxFitPoints = 200,
        Restarts = 0,
    };

    /// <summary>f(u) = Σ (uᵢ − 0.3)², minimised; the measured value s(u) = mean(u) is reported beside it.</summary>
    private static (double F, double S) Evaluate(double[] unit) =>
        (unit.Sum(u => (u - Shift) * (u - Shift)), unit.Average());

    /// <summary>A closed loop of batches of <see cref="Batch"/> points, as a campaign runs it.</summary>
    private static List<(double[] Unit, double F, double S)> Run(Dictionary<string, string> options, long seed)
    {
        List<Observation> history = [];
        List<(double[] Unit, double F, double S)> run = [];
        while (run.Count < Evaluations)
        {
            SuggestionRequest request = RequestFor(options, seed, history) with { Count = Batch };
            foreach (ParameterPoint point in Strategy.Suggest(request))
            {
                double[] unit = request.Space.ToUnit(point);
                (double f, double s) = Evaluate(unit);
                run.Add((unit, f, s));
                history.Add(Observed(point, run.Count, f, s));
            }
        }

        return run;
    }

    /// <summary>A history of uniformly random points with both values.</summary>
    private static List<Observation> History(long seed, int count)
    {
        SearchSpace space = UnitCube(Dimension);
        List<Observation> history = [];
        for (int i = 0; i < count; i++)
        {
            SplitMix64 random = SplitMix64.ForStream(seed, i);
            double[] unit = [.. Enumerable.Range(0, Dimension).Select(_ => random.NextDouble())];
            (double f, double s) = Evaluate(unit);
            history.Add(Observed(space.FromUnit(unit), i + 1, f, s));
        }

        return history;
    }

    private static Observation Observed(ParameterPoint point, int sequence, double f, double s) => new()
    {
        ExperimentId = Guid.Empty,
        Sequence = sequence,
        Parameters = point,
        Objectives = new Dictionary<string, double> { ["f"] = f, ["s"] = s },
    };

    private static SuggestionRequest RequestFor(Dictionary<string, string> options, long seed, List<Observation> history) =>
        Request(UnitCube(Dimension), count: 2, suggestedSoFar: history.Count, seed: seed, options: options) with
        {
            Objectives = [new ObjectiveDefinition { Name = "f", Direction = ObjectiveDirection.Minimize }],
            History = history,
        };
}
