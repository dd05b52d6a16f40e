using AutoLab.Contracts;

namespace AutoLab.ActiveLearning.Strategies;

/// <summary>
/// A way of choosing the next experiments: stateless over a <see cref="SuggestionRequest"/>, so the same
/// request and seed always give the same suggestions.
/// </summary>
/// <remarks>
/// The space-filling baselines (<see cref="RandomStrategy"/>, <see cref="SobolStrategy"/>,
/// <see cref="LatinHypercubeStrategy"/>) read only the seed and the number of points suggested so far.
/// Model-based optimizers (Bayesian optimization, genetic algorithms) implement the same interface and
/// read <see cref="SuggestionRequest.History"/> and <see cref="SuggestionRequest.Pending"/> too; they set
/// <see cref="NeedsHistory"/> so the orchestrator sends the history inline.
/// <seealso cref="StrategyRegistry"/>
/// </remarks>
public interface ISuggestionStrategy
{
    /// <summary>Name campaigns use to select the strategy, e.g. "sobol"; matched case-insensitively.</summary>
    string Name { get; }

    /// <summary>Whether the strategy reads <see cref="SuggestionRequest.History"/>; fills <c>StrategyPlan.NeedsHistory</c>.</summary>
    bool NeedsHistory { get; }

    /// <summary>Suggests <see cref="SuggestionRequest.Count"/> points.</summary>
    /// <param name="request">The space, constraints, history, seed and options.</param>
    /// <returns>The points in the order they should run; fewer than asked only if the space is exhausted.</returns>
    /// <exception cref="SuggestionException">The request cannot be answered; the message says why.</exception>
    IReadOnlyList<ParameterPoint> Suggest(SuggestionRequest request);
}
