using AutoLab.Contracts.Analysis;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs;

/// <summary>
/// A campaign spec as written in YAML, before it is checked against the catalog and compiled.
/// </summary>
/// <remarks>
/// Leaf elements reuse the contract records, so compiling is mostly copying; what differs from
/// <see cref="CampaignPlan"/> is what only the spec knows: the description, the steps as written
/// (analyze optional), the strategy without its capabilities, the schedule and the source map.
/// </remarks>
/// <seealso cref="CampaignSpecParser"/>
/// <seealso cref="SpecValidator"/>
/// <seealso cref="CampaignSpecCompiler"/>
public sealed record CampaignSpec
{
    /// <summary>Human-readable campaign name (<c>name</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>Free text (<c>description</c>).</summary>
    public string Description { get; init; } = "";

    /// <summary>Seed for every random choice (<c>seed</c>); 0 when not given.</summary>
    public long Seed { get; init; }

    /// <summary>The search space in the order written (<c>space</c>).</summary>
    public IReadOnlyList<ParameterDefinition> Space { get; init; } = [];

    /// <summary>Linear inequality constraints (<c>constraints</c>).</summary>
    public IReadOnlyList<LinearConstraint> Constraints { get; init; } = [];

    /// <summary>The steps and who serves them (<c>steps</c>).</summary>
    public StepsSpec Steps { get; init; } = new();

    /// <summary>Analysis pipeline (<c>analysis</c>).</summary>
    public IReadOnlyList<AnalysisStage> Analysis { get; init; } = [];

    /// <summary>Objectives; the first is the one termination targets (<c>objectives</c>).</summary>
    public IReadOnlyList<ObjectiveDefinition> Objectives { get; init; } = [];

    /// <summary>Suggestion strategy (<c>strategy</c>).</summary>
    public StrategySpec Strategy { get; init; } = new();

    /// <summary>Experiments to run in total (<c>budget</c>).</summary>
    public int Budget { get; init; }

    /// <summary>Experiments in flight at once (<c>batch_size</c>); 1 when not given.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Whether a batch is asked for only when the previous one has finished (<c>batch_mode: synchronous</c>); refill each free slot when false (<c>asynchronous</c>, the default).</summary>
    public bool SynchronousBatches { get; init; }

    /// <summary>Extra stopping conditions (<c>termination</c>).</summary>
    public TerminationPlan Termination { get; init; } = new();

    /// <summary>When failed experiments fault the campaign (<c>fault_policy</c>).</summary>
    public FaultPolicy FaultPolicy { get; init; } = new();

    /// <summary>Whether each batch waits for a human's approval (<c>approval</c>).</summary>
    public bool RequireApproval { get; init; }

    /// <summary>Extra safety limits written in the spec (<c>envelope</c>), added to the instruments' own.</summary>
    public IReadOnlyList<EnvelopeLimit> Envelope { get; init; } = [];

    /// <summary>
    /// Instruments the spec declares itself (<c>instruments</c>), in the order written: process
    /// instruments the orchestrator hosts, and external ones a foreign adapter serves on the bus.
    /// </summary>
    public IReadOnlyList<InstrumentSpec> Instruments { get; init; } = [];

    /// <summary>
    /// The folder the spec's relative paths (process commands, working directories) are resolved
    /// against: the spec file's folder when loaded from a file, the current directory when empty.
    /// </summary>
    /// <seealso cref="ProcessCommand.FolderOf"/>
    public string BaseDirectory { get; init; } = "";

    /// <summary>Start time, beamtime window and calibration (<c>schedule</c>), or null for none.</summary>
    public ScheduleSpec? Schedule { get; init; }

    /// <summary>Where each field came from in the YAML text; <see cref="SpecSourceMap.Empty"/> for specs built in code.</summary>
    public SpecSourceMap Source { get; init; } = SpecSourceMap.Empty;
}
