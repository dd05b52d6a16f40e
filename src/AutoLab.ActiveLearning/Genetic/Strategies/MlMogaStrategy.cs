using AutoLab.ActiveLearning.Strategies;

namespace AutoLab.ActiveLearning.Genetic.Strategies;

/// <summary>"mlmoga": the ML-enhanced <see cref="MlMoga"/>, one generation per block of suggestions.</summary>
/// <remarks>
/// Options beyond the common ones: <c>clusters</c> (k of k-means, default 5), <c>neighbours</c> (k of the
/// nearest-neighbour regression, default 5), <c>kmeans_iterations</c> (default 50), <c>adaptive</c>
/// (<c>true</c>/<c>false</c>, default true) and <c>normalize</c> (<c>true</c>/<c>false</c>, default true); the
/// real-valued settings keep the defaults of <see cref="MlMogaOptions"/>. Replaying the history repeats
/// every past intervention, including the adaptation of the proportion, so it is the same on each request.
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
        o.RequireKnown(Name, [.. CommonOptions, "clusters", "neighbours", "kmeans_iterations", "adaptive", "normalize"]);
        MlMogaOptions ml = new()
        {
            Clusters = o.GetInt32("clusters", 5, 1, options.PopulationSize),
            Neighbours = o.GetInt32("neighbours", 5, 1, options.PopulationSize),
            KMeansIterations = o.GetInt32("kmeans_iterations", 50, 1, 10_000),
            Adaptive = o.GetChoice("adaptive", "true", "true", "false") == "true",
            NormalizeObjectives = o.GetChoice("normalize", "true", "true", "false") == "true",
        };
        return new MlMoga(shape, options, ml, request.Seed, feasible);
    }
}
