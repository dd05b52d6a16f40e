using AutoLab.Contracts;
using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.RunFolders;

/// <summary>The best completed experiment by the campaign's first objective, in that objective's direction.</summary>
public sealed record BestObservation
{
    /// <summary>Name of the first objective.</summary>
    public required string Objective { get; init; }

    /// <summary>Whether smaller or larger is better.</summary>
    public required ObjectiveDirection Direction { get; init; }

    /// <summary>The best value, in the objective's unit.</summary>
    public required double Value { get; init; }

    /// <summary>Its one-standard-deviation uncertainty, same unit, when the analysis estimated one.</summary>
    public double? Uncertainty { get; init; }

    /// <summary>The experiment that produced it.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>That experiment's 1-based sequence.</summary>
    public required int Sequence { get; init; }

    /// <summary>Where it was run.</summary>
    public required ParameterPoint Parameters { get; init; }
}
