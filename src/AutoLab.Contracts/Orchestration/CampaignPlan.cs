namespace AutoLab.Contracts.Orchestration;

/// <summary>
/// A validated campaign spec as the sagas use it: everything the closed loop needs, as data.
/// </summary>
/// <remarks>The orchestrator compiles the YAML spec into this record; sagas never read YAML.</remarks>
public sealed record CampaignPlan
{
    /// <summary>Human-readable campaign name.</summary>
    public required string Name { get; init; }

    /// <summary>The search space, in a fixed order.</summary>
    public required IReadOnlyList<ParameterDefinition> Space { get; init; }

    /// <summary>Linear inequality constraints over numeric parameters.</summary>
    public IReadOnlyList<LinearConstraint> Constraints { get; init; } = [];

    /// <summary>Objectives; the first is the one termination targets and the summary's best refer to.</summary>
    public required IReadOnlyList<ObjectiveDefinition> Objectives { get; init; }

    /// <summary>Steps in order (prepare optional, measure and analyze required).</summary>
    public required IReadOnlyList<StepPlan> Steps { get; init; }

    /// <summary>Analysis pipeline applied to each measurement.</summary>
    public IReadOnlyList<Analysis.AnalysisStage> Analysis { get; init; } = [];

    /// <summary>Safety limits of the instruments the steps use; a point outside them is never sent.</summary>
    public IReadOnlyList<EnvelopeLimit> Envelope { get; init; } = [];

    /// <summary>The suggestion strategy.</summary>
    public required StrategyPlan Strategy { get; init; }

    /// <summary>Number of experiments the campaign runs in total (completed plus faulted).</summary>
    public required int Budget { get; init; }

    /// <summary>Most experiments in flight at once, and the number of suggestions asked for at a time.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>
    /// Whether suggestions are asked for a whole batch at a time, once every experiment of the previous batch has
    /// finished (synchronous batches), instead of refilling each slot as soon as it frees (the default).
    /// </summary>
    /// <remarks>
    /// Refilling keeps the instruments busy; a synchronous batch lets a batch-aware strategy (q-EI, batch EHVI,
    /// kriging batches) choose its points jointly and see every result of one batch before the next, at the cost of
    /// idle slots while the slowest experiment of a batch finishes.
    /// </remarks>
    public bool SynchronousBatches { get; init; }

    /// <summary>Extra stopping conditions.</summary>
    public TerminationPlan Termination { get; init; } = new();

    /// <summary>When the campaign faults because of failed experiments.</summary>
    public FaultPolicy FaultPolicy { get; init; } = new();

    /// <summary>Whether each batch of suggestions waits for a human's approval before it runs.</summary>
    public bool RequireApproval { get; init; }

    /// <summary>Seed for every random choice the campaign makes.</summary>
    public long Seed { get; init; }
}
