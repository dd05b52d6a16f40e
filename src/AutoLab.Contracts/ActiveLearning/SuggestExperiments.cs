using AutoLab.Contracts.Orchestration;

namespace AutoLab.Contracts.ActiveLearning;

/// <summary>
/// Command to the active-learning service: suggest the next points to run. Strategies are stateless
/// over this message: the same content and seed give the same suggestions.
/// </summary>
public sealed record SuggestExperiments
{
    /// <summary>Campaign asking.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Identifies this request; echoed in the answer so a stale answer can be ignored.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>Same for every re-delivery of this request.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When the request was sent (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The search space.</summary>
    public required IReadOnlyList<ParameterDefinition> Space { get; init; }

    /// <summary>Linear constraints suggestions must satisfy.</summary>
    public IReadOnlyList<LinearConstraint> Constraints { get; init; } = [];

    /// <summary>The objectives, with their directions.</summary>
    public IReadOnlyList<ObjectiveDefinition> Objectives { get; init; } = [];

    /// <summary>Strategy to use and its options.</summary>
    public required StrategyPlan Strategy { get; init; }

    /// <summary>Finished experiments, when the strategy needs them (<see cref="StrategyPlan.NeedsHistory"/>); otherwise empty.</summary>
    public IReadOnlyList<Observation> History { get; init; } = [];

    /// <summary>Points suggested so far in this campaign (finished, in flight and discarded); sequence-based strategies continue from it.</summary>
    public required int SuggestedSoFar { get; init; }

    /// <summary>Points in flight whose results are not known yet.</summary>
    public IReadOnlyList<ParameterPoint> Pending { get; init; } = [];

    /// <summary>Number of suggestions wanted.</summary>
    public required int Count { get; init; }

    /// <summary>The campaign's seed.</summary>
    public required long Seed { get; init; }

    /// <summary>Campaign budget (total experiments), for strategies that design the whole run at once (Latin hypercube).</summary>
    public int Budget { get; init; }
}
