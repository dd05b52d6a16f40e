using System.Diagnostics.CodeAnalysis;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Specs;

/// <summary>The outcome of loading a spec file: either errors, or the spec with its compiled plan and schedule.</summary>
public sealed record SpecLoadResult
{
    /// <summary>The file path (or label) the spec came from, for messages.</summary>
    public required string SourceName { get; init; }

    /// <summary>Every problem found, in document order; empty when the spec is valid.</summary>
    public IReadOnlyList<SpecError> Errors { get; init; } = [];

    /// <summary>The parsed spec; present whenever the text was a YAML mapping, even with errors.</summary>
    public CampaignSpec? Spec { get; init; }

    /// <summary>The compiled plan; present only when the spec is valid.</summary>
    public CampaignPlan? Plan { get; init; }

    /// <summary>The schedule when the spec is valid and has one; null otherwise.</summary>
    public ScheduleSpec? Schedule { get; init; }

    /// <summary>True when there are no errors and <see cref="Spec"/> and <see cref="Plan"/> are set.</summary>
    [MemberNotNullWhen(true, nameof(Spec), nameof(Plan))]
    public bool IsValid => Errors.Count == 0 && Spec is not null && Plan is not null;
}
