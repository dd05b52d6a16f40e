using AutoLab.Contracts.Orchestration;

namespace AutoLab.Instruments.Devices;

/// <summary>The command a device is staged for.</summary>
public sealed record StageContext
{
    /// <summary>Name of the instrument serving the command.</summary>
    public required string Instrument { get; init; }

    /// <summary>The step served (prepare or measure).</summary>
    public required ExperimentStep Step { get; init; }

    /// <summary>Campaign the experiment belongs to.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>Experiment served.</summary>
    public required Guid ExperimentId { get; init; }

    /// <summary>The command's idempotency key.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>1-based attempt number of the step.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Sample produced by the prepare step (measure only), or empty.</summary>
    public string SampleId { get; init; } = "";

    /// <summary>Absolute folder where the device may write large data; the host has created it.</summary>
    public required string DataDirectory { get; init; }
}
