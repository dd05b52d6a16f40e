using AutoLab.Contracts.Orchestration;

namespace AutoLab.Orchestrator.Journal;

/// <summary>What replaying a journal found: a campaign to recover, or one that already ended for good.</summary>
/// <seealso cref="CampaignReplay"/>
public sealed record CampaignReplayResult
{
    /// <summary>The campaign the journal records.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>The campaign's name from its plan.</summary>
    public required string CampaignName { get; init; }

    /// <summary>The command that brings the campaign back; null when it already ended (see <see cref="Ended"/>).</summary>
    public RecoverCampaign? Recovery { get; init; }

    /// <summary>The final ending (Completed, Aborted or Faulted) when there is nothing to resume; otherwise null.</summary>
    public CampaignEnded? Ended { get; init; }

    /// <summary>Whether there is something to resume (<see cref="Recovery"/> is set).</summary>
    public bool CanResume => Recovery is not null;

    /// <summary>One line for people: what was found and what resuming will do.</summary>
    public required string Message { get; init; }

    /// <summary>Sequence of the last entry replayed.</summary>
    public required long LastSequence { get; init; }
}
