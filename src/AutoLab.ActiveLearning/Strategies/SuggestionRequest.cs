using AutoLab.ActiveLearning.Space;
using AutoLab.Contracts;
using AutoLab.Contracts.ActiveLearning;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.ActiveLearning.Strategies;

/// <summary>
/// What a strategy is asked, validated: the in-process form of <see cref="SuggestExperiments"/>.
/// </summary>
/// <remarks>
/// History and pending points are carried for model-based optimizers; space-filling strategies ignore them.
/// <seealso cref="ISuggestionStrategy"/>
/// </remarks>
public sealed record SuggestionRequest
{
    /// <summary>Most points one request may ask for; guards against a typo costing the service its memory.</summary>
    public const int MaxCount = 100_000;

    /// <summary>The validated search space.</summary>
    public required SearchSpace Space { get; init; }

    /// <summary>Constraints the suggestions must satisfy.</summary>
    public ConstraintSet Constraints { get; init; } = ConstraintSet.None;

    /// <summary>The objectives, with their directions.</summary>
    public IReadOnlyList<ObjectiveDefinition> Objectives { get; init; } = [];

    /// <summary>Finished experiments (empty unless the strategy needs history).</summary>
    public IReadOnlyList<Observation> History { get; init; } = [];

    /// <summary>Points in flight whose results are not known yet.</summary>
    public IReadOnlyList<ParameterPoint> Pending { get; init; } = [];

    /// <summary>Points suggested so far in the campaign; sequence-based strategies continue from it.</summary>
    public int SuggestedSoFar { get; init; }

    /// <summary>Number of suggestions wanted, 0 to <see cref="MaxCount"/>.</summary>
    public required int Count { get; init; }

    /// <summary>The campaign's seed.</summary>
    public long Seed { get; init; }

    /// <summary>Campaign budget (total experiments), or 0 when not given.</summary>
    public int Budget { get; init; }

    /// <summary>The strategy's options.</summary>
    public StrategyOptions Options { get; init; } = StrategyOptions.Empty;

    /// <summary>Validates a <see cref="SuggestExperiments"/> message and builds the request.</summary>
    /// <param name="message">The message as received.</param>
    /// <returns>The request.</returns>
    /// <exception cref="SuggestionException">The space, constraints or counts are invalid.</exception>
    public static SuggestionRequest FromMessage(SuggestExperiments message)
    {
        if (message.Count < 0 || message.Count > MaxCount)
        {
            throw new SuggestionException($"Count must be from 0 to {MaxCount}; got {message.Count}");
        }

        if (message.SuggestedSoFar < 0)
        {
            throw new SuggestionException($"SuggestedSoFar must not be negative; got {message.SuggestedSoFar}");
        }

        if (message.Budget < 0)
        {
            throw new SuggestionException($"Budget must not be negative; got {message.Budget}");
        }

        SearchSpace space = new(message.Space);
        return new SuggestionRequest
        {
            Space = space,
            Constraints = new ConstraintSet(message.Constraints, space),
            Objectives = message.Objectives ?? [],
            History = message.History ?? [],
            Pending = message.Pending ?? [],
            SuggestedSoFar = message.SuggestedSoFar,
            Count = message.Count,
            Seed = message.Seed,
            Budget = message.Budget,
            Options = new StrategyOptions(message.Strategy?.Options),
        };
    }
}
