using AutoLab.ActiveLearning.Strategies;

namespace AutoLab.ActiveLearning.Genetic.Strategies;

/// <summary>"mlmoga": the ML-enhanced <see cref="MlMoga"/>, one generation per block of suggestions.</summary>
/// <remarks>
/// Options beyond the common ones: <c>clusters</c> (k of k-means, default 5), <c>neighbours</c> (k of the
/// nearest-neighbour regression, default 5), <c>kmeans_iterations</c> (default 50), <c>adaptive</c>
/// (<c>true</c>/<c>false</c>, default true), <c>normalize</c> (<c>true</c>/<c>false</c>, default true), and the
/// replacement's real-valued settings <c>proportion</c> (<see cref="MlMogaOptions.InitialProportion"/>),
/// <c>min_proportion</c>, <c>max_proportion</c> and <c>min_elite_width</c>, each a number in [0, 1] with the
/// default of <see cref="MlMogaOptions"/>; the thresholds and factors of the adaptation keep theirs. Replaying the
/// history repeats every past intervention, including the adaptation of the proportion, so it is the same on
/// each request.
/// </remarks>
public sealed class MlMogaStrategy : GeneticStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "mlmoga";

    /// <inheritdoc/>
    public override string Name => StrategyName;

    /// <inheritdoc/>
    protected override IAskTellOptimizer Create(UnitCubeProblem shape, GeneticOptions options, SuggestionRequest request, Func<double[], bool>? feasible)
    {
        StrategyOptions o = request.Options;
        o.RequireKnown(Name, [.. CommonOptions, "clusters", "neighbours", "kmeans_iterations", "adaptive", "normalize", "proportion", "min_proportion", "max_proportion", "min_elite_width"]);
        MlMogaOptions defaults = new();
        MlMogaOptions ml = new()
        {
            Clusters = o.GetInt32("clusters", 5, 1, options.PopulationSize),
            Neighbours = o.GetInt32("neighbours", 5, 1, options.PopulationSize),
            KMeansIterations = o.GetInt32("kmeans_iterations", 50, 1, 10_000),
            Adaptive = o.GetChoice("adaptive", "true", "true", "false") == "true",
            NormalizeObjectives = o.GetChoice("normalize", "true", "true", "false") == "true",
            InitialProportion = o.GetDouble("proportion", defaults.InitialProportion, 0.0, 1.0),
            MinProportion = o.GetDouble("min_proportion", defaults.MinProportion, 0.0, 1.0),
            MaxProportion = o.GetDouble("max_proportion", defaults.MaxProportion, 0.0, 1.0),
            MinEliteWidth = o.GetDouble("min_elite_width", defaults.MinEliteWidth, 0.0, 1.0),
        };
        IReadOnlyList<string> problems = ml.Validate(shape.ObjectiveCount);
        if (problems.Count > 0)
        {
            // Each option is in range on its own, but the proportions must also be ordered: say so in the spec's terms.
            throw new SuggestionException($"strategy '{Name}': {string.Join("; ", problems)} (options min_proportion ≤ proportion ≤ max_proportion)");
        }

        return new MlMoga(shape, options, ml, request.Seed, feasible);
    }
}
