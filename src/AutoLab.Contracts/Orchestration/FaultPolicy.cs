namespace AutoLab.Contracts.Orchestration;

/// <summary>When a campaign gives up because too many of its experiments fault.</summary>
public sealed record FaultPolicy
{
    /// <summary>Fault the campaign when the fraction of finished experiments that faulted exceeds this (0–1).</summary>
    public double MaxFaultFraction { get; init; } = 0.5;

    /// <summary>Finished experiments required before the fraction is judged, so one early fault does not end a campaign.</summary>
    public int MinExperiments { get; init; } = 10;
}
