using AutoLab.ActiveLearning.Genetic.Strategies;
using AutoLab.ActiveLearning.Problems;
using AutoLab.ActiveLearning.Space;
using AutoLab.ActiveLearning.Strategies;
using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;
using Microsoft.Extensions.DependencyInjection;
using static AutoLab.ActiveLearning.Tests.Spaces;

namespace AutoLab.ActiveLearning.Tests.Genetic;

/// <summary>
/// The "ga", "nsga2" and "mlmoga" strategies rebuild their generations from the history: the same seed and
/// history give the same suggestions, the history steers them, constraints hold, and bad input is refused.
/// </summary>
public sealed class GeneticStrategyTests
{
    private static readonly ObjectiveDefinition Loss = new() { Name = "loss", Direction = ObjectiveDirection.Minimize };
    private static readonly ObjectiveDefinition Gain = new() { Name = "gain", Direction = ObjectiveDirection.Maximize };

    public static TheoryData<string> Names => [GaStrategy.StrategyName, Nsga2Strategy.StrategyName, MlMogaStrategy.StrategyName];

    private static ISuggestionStrategy Strategy(string name) => name switch
    {
        GaStrategy.StrategyName => new GaStrategy(),
        Nsga2Strategy.StrategyName => new Nsga2Strategy(),
        _ => new MlMogaStrategy(),
    };

    private static SuggestionRequest With(SearchSpace space, int count, List<Observation> history, IReadOnlyList<ObjectiveDefinition> objectives, IReadOnlyDictionary<string, string>? options = null, IReadOnlyList<LinearConstraint>? constraints = null) =>
        Request(space, count, suggestedSoFar: history.Count, seed: 11, options: options ?? new Dictionary<string, string> { ["population"] = "10" }, constraints: constraints)
        with { History = history, Objectives = objectives };

    private static Observation Observed(int sequence, ParameterPoint point, IReadOnlyDictionary<string, double> objectives, bool succeeded = true) =>
        new() { ExperimentId = Guid.NewGuid(), Sequence = sequence, Parameters = point, Objectives = objectives, Succeeded = succeeded };

    /// <summary>Runs a campaign of Branin experiments through a strategy, one generation per request.</summary>
    private static List<Observation> BraninCampaign(ISuggestionStrategy strategy, int generations, int population)
    {
        Branin branin = new();
        SearchSpace space = Branin();
        List<Observation> history = [];
        Dictionary<string, string> options = new() { ["population"] = population.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        for (int g = 0; g < generations; g++)
        {
            IReadOnlyList<ParameterPoint> batch = strategy.Suggest(With(space, population, history, [Loss], options));
            foreach (ParameterPoint p in batch)
            {
                double value = branin.Value([p.Values["x1"], p.Values["x2"]]);
                history.Add(Observed(history.Count + 1, p, new Dictionary<string, double> { ["loss"] = value }));
            }
        }

        return history;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_same_seed_and_history_give_the_same_suggestions(string name)
    {
        List<Observation> history = BraninCampaign(Strategy(name), 3, 10);
        SearchSpace space = Branin();
        IReadOnlyList<ParameterPoint> first = Strategy(name).Suggest(With(space, 10, history, [Loss]));
        IReadOnlyList<ParameterPoint> second = Strategy(name).Suggest(With(space, 10, history, [Loss]));

        Assert.Equal(first.Select(space.ToUnit), second.Select(space.ToUnit));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Two_requests_inside_one_generation_equal_one_request(string name)
    {
        List<Observation> history = BraninCampaign(Strategy(name), 2, 10);
        SearchSpace space = Branin();
        IReadOnlyList<ParameterPoint> whole = Strategy(name).Suggest(With(space, 10, history, [Loss]));
        IReadOnlyList<ParameterPoint> firstHalf = Strategy(name).Suggest(With(space, 4, history, [Loss]));
        IReadOnlyList<ParameterPoint> secondHalf = Strategy(name).Suggest(With(space, 6, history, [Loss]) with { SuggestedSoFar = history.Count + 4 });

        Assert.Equal(whole.Select(space.ToUnit), firstHalf.Concat(secondHalf).Select(space.ToUnit));
    }

    [Fact]
    public void The_ga_strategy_drives_a_Branin_campaign_close_to_the_minimum()
    {
        // 15 generations of 20 experiments; the best observation should be within 0.05 of 0.3979.
        List<Observation> history = BraninCampaign(new GaStrategy(), 15, 20);
        double best = history.Min(o => o.Objectives["loss"]);

        Assert.True(best - new Branin().MinimumValue < 0.05, $"best {best}");
        double firstGeneration = history.Take(20).Average(o => o.Objectives["loss"]);
        double lastGeneration = history.TakeLast(20).Average(o => o.Objectives["loss"]);
        Assert.True(lastGeneration < firstGeneration / 5.0, $"mean loss went from {firstGeneration} to {lastGeneration}");
    }

    [Theory]
    [InlineData("nsga2")]
    [InlineData("mlmoga")]
    public void Multi_objective_strategies_move_a_ZDT1_campaign_towards_the_front(string name)
    {
        // ZDT1 on 6 variables with f2 reported as "gain" = −f2 (maximised), to exercise the direction.
        Zdt1 zdt = new(6);
        SearchSpace space = UnitCube(6);
        List<Observation> history = [];
        ISuggestionStrategy strategy = Strategy(name);
        Dictionary<string, string> options = new() { ["population"] = "20" };
        for (int g = 0; g < 15; g++)
        {
            foreach (ParameterPoint p in strategy.Suggest(With(space, 20, history, [Loss, Gain], options)))
            {
                double[] f = new double[2];
                zdt.Evaluate(space.ToUnit(p), f, []);
                history.Add(Observed(history.Count + 1, p, new Dictionary<string, double> { ["loss"] = f[0], ["gain"] = -f[1] }));
            }
        }

        double[][] last = [.. history.TakeLast(20).Select(o => new[] { o.Objectives["loss"], -o.Objectives["gain"] })];
        double[][] first = [.. history.Take(20).Select(o => new[] { o.Objectives["loss"], -o.Objectives["gain"] })];
        double hvFirst = AutoLab.ActiveLearning.MultiObjective.Hypervolume.Compute(first, [1.1, 10.0]);
        double hvLast = AutoLab.ActiveLearning.MultiObjective.Hypervolume.Compute(last, [1.1, 10.0]);
        Assert.True(hvLast > hvFirst, $"hypervolume of the last generation {hvLast} should exceed the first's {hvFirst}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Linear_constraints_hold_for_every_generation(string name)
    {
        SearchSpace space = UnitCube(2);
        LinearConstraint sum = new() { Coefficients = new Dictionary<string, double> { ["x0"] = 1.0, ["x1"] = 1.0 }, UpperBound = 0.8, Label = "sum" };
        List<Observation> history = [];
        ISuggestionStrategy strategy = Strategy(name);
        for (int g = 0; g < 5; g++)
        {
            IReadOnlyList<ParameterPoint> batch = strategy.Suggest(With(space, 10, history, [Loss], constraints: [sum]));
            Assert.All(batch, p => Assert.True(p.Values["x0"] + p.Values["x1"] <= 0.8, "constraint broken"));
            foreach (ParameterPoint p in batch)
            {
                // Pushes the population towards the constraint boundary (minimum at (1, 1), outside it).
                double loss = Math.Pow(p.Values["x0"] - 1.0, 2) + Math.Pow(p.Values["x1"] - 1.0, 2);
                history.Add(Observed(history.Count + 1, p, new Dictionary<string, double> { ["loss"] = loss }));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_next_generation_waits_for_the_pending_points_of_this_one_and_faults_count_as_observed(string name)
    {
        SearchSpace space = Branin();
        IReadOnlyList<ParameterPoint> first = Strategy(name).Suggest(With(space, 10, [], [Loss]));
        Observation Outcome(int i) => Observed(i + 1, first[i], i % 2 == 0 ? new Dictionary<string, double>() : new Dictionary<string, double> { ["loss"] = i }, succeeded: i % 2 == 1);
        List<Observation> partial = [.. Enumerable.Range(0, 6).Select(Outcome)];
        List<Observation> whole = [.. Enumerable.Range(0, 10).Select(Outcome)];

        // Six observed (three faulted), four pending: nothing of the next generation yet.
        IReadOnlyList<ParameterPoint> early = Strategy(name).Suggest(With(space, 10, partial, [Loss]) with { SuggestedSoFar = 10, Pending = [.. first.Skip(6)] });
        // All ten observed: the whole next generation, the same one a request after the generation would get.
        IReadOnlyList<ParameterPoint> next = Strategy(name).Suggest(With(space, 10, whole, [Loss]) with { SuggestedSoFar = 10 });
        IReadOnlyList<ParameterPoint> generational = Strategy(name).Suggest(With(space, 10, whole, [Loss]));

        Assert.Empty(early);
        Assert.Equal(10, next.Count);
        Assert.Equal(generational.Select(space.ToUnit), next.Select(space.ToUnit));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_request_past_the_end_of_a_generation_gets_only_the_rest_of_it_while_that_generation_is_pending(string name)
    {
        SearchSpace space = Branin();
        IReadOnlyList<ParameterPoint> first = Strategy(name).Suggest(With(space, 10, [], [Loss]));
        List<Observation> history = [.. first.Take(2).Select((p, i) => Observed(i + 1, p, new Dictionary<string, double> { ["loss"] = i }))];

        // Eight handed out, two observed, six pending: asking for 4 gets the generation's last 2.
        IReadOnlyList<ParameterPoint> rest = Strategy(name).Suggest(With(space, 4, history, [Loss]) with { SuggestedSoFar = 8, Pending = [.. first.Skip(2).Take(6)] });

        Assert.Equal(first.Skip(8).Select(space.ToUnit), rest.Select(space.ToUnit));
    }

    [Fact]
    public void With_nothing_pending_a_generation_left_short_by_discarded_suggestions_still_breeds_the_next()
    {
        SearchSpace space = Branin();
        GaStrategy strategy = new();
        IReadOnlyList<ParameterPoint> first = strategy.Suggest(With(space, 10, [], [Loss]));
        List<Observation> history = [.. first.Take(6).Select((p, i) => Observed(i + 1, p, new Dictionary<string, double> { ["loss"] = i }))];

        IReadOnlyList<ParameterPoint> next = strategy.Suggest(With(space, 10, history, [Loss]) with { SuggestedSoFar = 10 });

        Assert.Equal(10, next.Count);
    }

    [Fact]
    public void Nonsense_input_is_refused_with_a_clear_message()
    {
        SearchSpace space = Branin();
        ParameterPoint p = new GaStrategy().Suggest(With(space, 1, [], [Loss]))[0];
        Observation nan = Observed(1, p, new Dictionary<string, double> { ["loss"] = double.NaN });
        Observation missing = Observed(1, p, new Dictionary<string, double> { ["other"] = 1.0 });

        Assert.Contains("non-finite", Assert.Throws<SuggestionException>(() => new GaStrategy().Suggest(With(space, 1, [nan], [Loss]))).Message, StringComparison.Ordinal);
        Assert.Contains("no value", Assert.Throws<SuggestionException>(() => new Nsga2Strategy().Suggest(With(space, 1, [missing], [Loss]))).Message, StringComparison.Ordinal);
        Assert.Contains("exactly one objective", Assert.Throws<SuggestionException>(() => new GaStrategy().Suggest(With(space, 1, [], [Loss, Gain]))).Message, StringComparison.Ordinal);
        Assert.Contains("even", Assert.Throws<SuggestionException>(() => new Nsga2Strategy().Suggest(With(space, 1, [], [Loss], new Dictionary<string, string> { ["population"] = "7" }))).Message, StringComparison.Ordinal);
        Assert.Contains("unknown option", Assert.Throws<SuggestionException>(() => new MlMogaStrategy().Suggest(With(space, 1, [], [Loss], new Dictionary<string, string> { ["clusterz"] = "3" }))).Message, StringComparison.Ordinal);
        Assert.Contains("at least one objective", Assert.Throws<SuggestionException>(() => new Nsga2Strategy().Suggest(With(space, 1, [], []))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ml_mogas_replacement_proportion_is_a_spec_option_and_at_zero_it_breeds_as_nsga2()
    {
        SearchSpace space = UnitCube(4);
        Zdt1 zdt = new(4);
        List<Observation> history = [];
        foreach (ParameterPoint p in new Nsga2Strategy().Suggest(With(space, 10, history, [Loss, Gain])))
        {
            double[] f = new double[2];
            zdt.Evaluate(space.ToUnit(p), f, []);
            history.Add(Observed(history.Count + 1, p, new Dictionary<string, double> { ["loss"] = f[0], ["gain"] = -f[1] }));
        }

        Dictionary<string, string> Options(string proportion) => new()
        {
            ["population"] = "10", ["adaptive"] = "false", ["proportion"] = proportion, ["min_proportion"] = proportion, ["max_proportion"] = proportion,
        };
        double[][] Next(ISuggestionStrategy strategy, Dictionary<string, string> options) =>
            [.. strategy.Suggest(With(space, 10, history, [Loss, Gain], options)).Select(p => space.ToUnit(p))];

        double[][] nsga2 = Next(new Nsga2Strategy(), new Dictionary<string, string> { ["population"] = "10" });
        double[][] none = Next(new MlMogaStrategy(), Options("0"));
        double[][] all = Next(new MlMogaStrategy(), Options("1"));

        Assert.Equal(nsga2, none);
        Assert.False(all.Any(x => nsga2.Any(y => y.SequenceEqual(x))), "with every child replaced from the elite cluster, no NSGA-II child should remain");
    }

    [Fact]
    public void Ml_moga_proportions_out_of_range_or_out_of_order_are_refused_naming_the_options()
    {
        SearchSpace space = Branin();

        string range = Assert.Throws<SuggestionException>(() => new MlMogaStrategy().Suggest(With(space, 1, [], [Loss], new Dictionary<string, string> { ["proportion"] = "1.5" }))).Message;
        string order = Assert.Throws<SuggestionException>(() => new MlMogaStrategy().Suggest(With(space, 1, [], [Loss], new Dictionary<string, string> { ["proportion"] = "0.8" }))).Message;

        Assert.Contains("option 'proportion' must be a number from 0 to 1; got '1.5'", range, StringComparison.Ordinal);
        Assert.Contains("min_proportion ≤ proportion ≤ max_proportion", order, StringComparison.Ordinal);
        Assert.Contains("max 0.5", order, StringComparison.Ordinal);
    }

    [Fact]
    public void The_genetic_strategies_are_registered_and_need_history()
    {
        ServiceCollection services = new();
        services.AddAutoLabActiveLearning();
        StrategyRegistry registry = services.BuildServiceProvider().GetRequiredService<StrategyRegistry>();

        Assert.All(new[] { "ga", "nsga2", "mlmoga" }, name => Assert.True(registry.NeedsHistory(name)));
    }
}
