namespace AutoLab.Contracts.ActiveLearning;

/// <summary>Event: the active-learning service answered a <see cref="SuggestExperiments"/>.</summary>
public sealed record ExperimentsSuggested
{
    /// <summary>Campaign that asked.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>The request answered.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>When the answer was made (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Suggested points, in the order they should run; may be fewer than asked if the space is exhausted.</summary>
    public required IReadOnlyList<ParameterPoint> Suggestions { get; init; }

    /// <summary>Strategy that produced them.</summary>
    public string Strategy { get; init; } = "";

    /// <summary>
    /// The process that ran the strategy, as "host/process-id"; null when the producer did not say (journals
    /// written before this field existed, foreign services).
    /// </summary>
    public string? Worker { get; init; }
}
