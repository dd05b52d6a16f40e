using AutoLab.ActiveLearning.Strategies;

namespace AutoLab.ActiveLearning.Genetic.Strategies;

/// <summary>"nsga2": <see cref="Nsga2"/> over the campaign's objectives, one generation per block of suggestions.</summary>
/// <remarks>How generations are rebuilt from the history is described on <see cref="GeneticStrategy"/>.</remarks>
public sealed class Nsga2Strategy : GeneticStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "nsga2";

    /// <inheritdoc/>
    public override string Name => StrategyName;

    /// <inheritdoc/>
    protected override IAskTellOptimizer Create(UnitCubeProblem shape, GeneticOptions options, SuggestionRequest request, Func<double[], bool>? feasible)
    {
        request.Options.RequireKnown(Name, CommonOptions);
        return new Nsga2(shape, options, request.Seed, feasible);
    }
}
