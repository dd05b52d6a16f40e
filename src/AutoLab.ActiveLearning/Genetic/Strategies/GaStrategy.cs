using AutoLab.ActiveLearning.Strategies;

namespace AutoLab.ActiveLearning.Genetic.Strategies;

/// <summary>"ga": the real-coded single-objective <see cref="GeneticAlgorithm"/>, one generation per block of suggestions.</summary>
/// <remarks>How generations are rebuilt from the history is described on <see cref="GeneticStrategy"/>.</remarks>
public sealed class GaStrategy : GeneticStrategy
{
    /// <summary>The registered name.</summary>
    public const string StrategyName = "ga";

    /// <inheritdoc/>
    public override string Name => StrategyName;

    /// <inheritdoc/>
    protected override void CheckObjectives(int objectiveCount)
    {
        if (objectiveCount != 1)
        {
            throw new SuggestionException($"strategy 'ga' optimizes exactly one objective; the campaign has {objectiveCount} (use 'nsga2' or 'mlmoga')");
        }
    }

    /// <inheritdoc/>
    protected override IAskTellOptimizer Create(UnitCubeProblem shape, GeneticOptions options, SuggestionRequest request, Func<double[], bool>? feasible)
    {
        request.Options.RequireKnown(Name, CommonOptions);
        return new GeneticAlgorithm(shape, options, request.Seed, feasible);
    }
}
